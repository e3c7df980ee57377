import type { CommandContext, TransactionListener } from '../commands/command.js';
import { dossierOfInstance, loadDossier, updateDossier, type DossierRecord } from './dossier-record.js';
import { PortalStatus } from './portal-status.js';

/** Called for every dossier status change inside its transaction (the national-portal outbox). */
export type StatusSync = (ctx: CommandContext, dossier: DossierRecord, previousStatus: number) => Promise<void>;

/**
 * Keeps a dossier's national-portal status in step with its process (docs/domain.md codes):
 * 2 received until the desk hands it on, 4 while being processed, 5 while waiting for the
 * applicant, 6 while its fee is owed at the payment gate, 9 once only not-counted steps (returning the result) remain, 10 when the process
 * ends normally, 8 when it was stopped.
 */
export function dossierStatusListener(sync: StatusSync[]): TransactionListener {
  return async (ctx, events) => {
    const codes = new Set(ctx.touchedDossiers);
    const runtime = ctx.usedRuntime;
    if (runtime && events.length > 0) {
      // A dossier's instance always carries the dossier code as business key: instances without
      // one (plain starts) need no look-up.
      const roots = new Set(runtime.loadedStates().filter((s) => s.instance.businessKey).map((s) => s.instance.rootInstanceId));
      for (const root of roots) {
        const dossier = await dossierOfInstance(ctx.sql, root);
        if (dossier) codes.add(dossier.code);
      }
    }
    for (const code of codes) await refreshStatus(ctx, code, sync);
  };
}

async function refreshStatus(ctx: CommandContext, code: string, sync: StatusSync[]): Promise<void> {
  // Locked: commands on a called child instance lock only the child, and status records must
  // reach the portal outbox in commit order.
  const dossier = await loadDossier(ctx.sql, code, true);
  const [facts] = await ctx.sql.query<{ state: string; open_tasks: number; open_counted: number; completed_tasks: number; refused: boolean; awaiting_payment: boolean }>(
    `SELECT p.state,
            (SELECT count(*) FROM task t JOIN process_instance c ON c.id = t.instance_id WHERE c.root_instance_id = p.id)::int AS open_tasks,
            (SELECT count(*) FROM task t JOIN process_instance c ON c.id = t.instance_id
               JOIN hist_activity_instance h ON h.id = t.activity_instance_id AND h.history_month = od_history_month(c.started_at)
               WHERE c.root_instance_id = p.id AND h.counted)::int AS open_counted,
            (SELECT count(*) FROM hist_task_instance h JOIN process_instance c ON c.id = h.instance_id AND h.history_month = od_history_month(c.started_at)
               WHERE c.root_instance_id = p.id AND h.outcome = 'completed')::int AS completed_tasks,
            false AS refused,
            EXISTS (SELECT 1 FROM dossier_payment WHERE dossier_code = $2 AND status = 'pending') AS awaiting_payment
     FROM process_instance p WHERE p.id = $1`,
    [dossier.instance_id, dossier.code],
  );
  const patch: Partial<DossierRecord> = {};
  let status = dossier.status;
  if (facts.state === 'completed') {
    status = PortalStatus.ResultReturned;
    patch.returned_at = dossier.returned_at ?? ctx.now;
    patch.finished_at = dossier.finished_at ?? ctx.now;
  } else if (facts.state === 'terminated') {
    // EndDossier already set refused (3), withdrawn (7) or stopped (8); anything else stops it.
    const ended: number[] = [PortalStatus.NotReceived, PortalStatus.Withdrawn, PortalStatus.Stopped];
    status = ended.includes(dossier.status) ? dossier.status : PortalStatus.Stopped;
    patch.finished_at = dossier.finished_at ?? ctx.now;
  } else if (dossier.waiting_since) {
    status = PortalStatus.SupplementRequested;
  } else if (facts.awaiting_payment) {
    // Held at the payment gate until the fee is paid.
    status = PortalStatus.FinancialObligation;
  } else if (facts.open_tasks > 0 && facts.open_counted === 0 && facts.completed_tasks > 0) {
    status = PortalStatus.Processed;
    patch.finished_at = dossier.finished_at ?? ctx.now;
  } else if (facts.completed_tasks > 0) {
    status = PortalStatus.Processing;
  } else {
    // Still at the desk (e.g. a supplement arrived before the first step was done).
    status = PortalStatus.Received;
  }
  if (status !== dossier.status) patch.status = status;
  if (Object.keys(patch).length === 0) return;
  const updated = await updateDossier(ctx.sql, dossier, patch, ctx.now, ctx.actor.username);
  if (patch.status !== undefined) for (const s of sync) await s(ctx, updated, dossier.status);
}
