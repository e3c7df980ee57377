import type { TransactionListener } from '../commands/command.js';
import { dossierOfInstance } from '../persistence/dossiers/dossier-record.js';
import { paymentStore } from '../persistence/payments/payment-store.js';

/**
 * The payment gate: a message catch event or receive task waiting for this message holds the
 * dossier until its fee is paid (BPMN stays standard: the gate is an ordinary wait state, and the
 * payment, once confirmed, is the message).
 */
export const PAYMENT_MESSAGE = 'thanhToanLePhi';

/**
 * Opens the dossier's payment when its process reaches the gate, in the same transaction: the
 * amount is the `lePhi` variable when the process set one (e.g. from a decision table), else the
 * procedure's `od:fee`. The dossier's status then reads 6 (financial obligation) until it is paid.
 */
export function paymentGateListener(): TransactionListener {
  return async (ctx, events) => {
    const waiting = new Set<string>();
    for (const e of events) {
      if (e.type === 'activity.started' && (e.activityType === 'intermediateCatchEvent' || e.activityType === 'receiveTask')) waiting.add(e.instanceId);
    }
    if (waiting.size === 0) return;
    const states = new Map((ctx.usedRuntime?.loadedStates() ?? []).map((s) => [s.id, s]));
    for (const instanceId of waiting) {
      if (!(await paymentStore.waitsForMessage(ctx.sql, instanceId, PAYMENT_MESSAGE))) continue;
      const state = states.get(instanceId);
      if (!state) continue;
      const dossier = await dossierOfInstance(ctx.sql, state.instance.rootInstanceId);
      if (!dossier) continue;
      const fee = Number(state.variables.get('lePhi') ?? (await feeOf(ctx, state.instance.definitionId)) ?? 0);
      await paymentStore.request(ctx.sql, ctx.services.newId(), dossier.code, Number.isFinite(fee) && fee >= 0 ? Math.round(fee) : 0, ctx.now);
      ctx.dossierChanged(dossier.code);
    }
  };
}

async function feeOf(ctx: Parameters<TransactionListener>[0], definitionId: string): Promise<number | undefined> {
  const definition = await ctx.services.definitions.source(ctx.sql).byId(definitionId);
  return definition?.graph.procedure.fee;
}
