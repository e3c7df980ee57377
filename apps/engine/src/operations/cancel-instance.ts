import type { Command, CommandContext } from '../commands/command.js';
import type { InstanceCancelled } from '@onedoor/contract';
import { dossierOfInstance } from '../persistence/dossiers/dossier-record.js';
import { EndDossier } from '../dossiers/end-dossier.js';
import { conflict } from '../shared/domain-error.js';
import { lockRunningInstance } from './instance-lock.js';
import { requireReason } from './reason.js';

/** Why an administrator ends a running instance: the applicant withdrew (status 7) or processing stops (status 8, form 05). */
export type Cancellation = 'withdrawn' | 'stopped';

/**
 * Cancels a running instance. A dossier's instance ends the way the desk ends it (EndDossier):
 * national status 7 for a withdrawal, 8 with the stop notice (form 05) for a stop, the reason on
 * the dossier's record and in the audit log. A plain instance is terminated, audited the same way.
 */
export class CancelInstance implements Command<InstanceCancelled> {
  readonly name = 'cancel-instance';
  private readonly reason: string;

  constructor(
    private readonly instanceId: string,
    private readonly ending: Cancellation,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<InstanceCancelled> {
    const state = await lockRunningInstance(ctx, this.instanceId, { allowSuspended: true });
    // A called procedure ending on its own would leave its caller waiting for ever.
    if (state.instance.parentInstanceId) throw conflict(`process instance ${this.instanceId} was called by ${state.instance.parentInstanceId}: cancel that one`);
    const dossier = await dossierOfInstance(ctx.sql, state.instance.rootInstanceId);
    if (dossier && dossier.instance_id === state.id) {
      const ended = await new EndDossier(dossier.code, this.ending, this.reason).execute(ctx);
      return { id: state.id, state: 'terminated' as const, dossierCode: dossier.code, status: ended.status };
    }
    const fromState = { state: state.instance.state, activeActivityIds: [...state.executions.values()].flatMap((e) => (e.activityId ? [e.activityId] : [])) };
    await ctx.runtime.endInstance(state, 'terminated');
    await ctx.runtime.run();
    await ctx.audit({ operation: this.ending, entityType: 'process_instance', entityId: state.id, instanceId: state.id, fromState, details: { reason: this.reason } });
    return { id: state.id, state: 'terminated' as const, dossierCode: null, status: null };
  }
}
