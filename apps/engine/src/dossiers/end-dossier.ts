import type { Command, CommandContext } from '../commands/command.js';
import { conflict } from '../shared/domain-error.js';
import { appendDossierEvent, loadDossier, updateDossier } from '../persistence/dossiers/dossier-record.js';
import { PortalStatus } from './portal-status.js';
import { jobStore } from '../persistence/jobs/job-store.js';

/** How a dossier can end before its procedure does. */
export type DossierEnding = 'refused' | 'stopped' | 'withdrawn';

const STATUS: Record<DossierEnding, number> = {
  refused: PortalStatus.NotReceived,
  stopped: PortalStatus.Stopped,
  withdrawn: PortalStatus.Withdrawn,
};

/**
 * Ends a dossier outside its normal flow: refused at the desk (form 03), processing stopped
 * (form 05), or withdrawn at the applicant's request. Every open step, timer and called
 * procedure ends with it; the reason is kept for the form.
 */
export class EndDossier implements Command<{ code: string; status: number }> {
  readonly name = 'end-dossier';
  constructor(
    private readonly code: string,
    private readonly ending: DossierEnding,
    private readonly reason: string,
  ) {}

  async execute(ctx: CommandContext) {
    const peek = await loadDossier(ctx.sql, this.code);
    const rt = ctx.runtime;
    const state = await rt.load(peek.instance_id);
    const dossier = await loadDossier(ctx.sql, this.code, true);
    if (dossier.finished_at || !state || state.instance.state !== 'active') throw conflict(`dossier ${this.code} has already ended`);
    await rt.endInstance(state, 'terminated');
    await rt.run();
    const status = STATUS[this.ending];
    await updateDossier(ctx.sql, dossier, { status, finished_at: ctx.now, waiting_since: null, result: this.ending }, ctx.now, ctx.actor.username);
    await appendDossierEvent(ctx.sql, this.code, ctx.now, this.ending, ctx.actor.username, { reason: this.reason });
    await jobStore.removeDossierDeadlines(ctx.sql, dossier.instance_id);
    await ctx.store.touch(dossier.instance_id);
    await ctx.audit({ operation: this.ending, entityType: 'dossier', entityId: this.code, instanceId: dossier.instance_id, fromState: { status: dossier.status }, details: { reason: this.reason } });
    ctx.dossierChanged(this.code);
    return { code: this.code, status };
  }
}
