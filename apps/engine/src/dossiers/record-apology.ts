import type { Command, CommandContext } from '../commands/command.js';
import { toLocalDate } from '@onedoor/working-calendar';
import { badInput, conflict } from '../shared/domain-error.js';
import { appendDossierEvent, loadDossier, updateDossier } from '../persistence/dossiers/dossier-record.js';
import { scheduleDossierDeadlines } from './deadline-jobs.js';

/**
 * Form 04: the agency apologises for the delay and sets a new appointment date (a working day
 * after today). The applicant's `dueAt` moves; the original legal due date stays for reporting.
 */
export class RecordApology implements Command<{ code: string; dueAt: Date; legalDueAt: Date | null; timely: boolean }> {
  readonly name = 'record-apology';
  constructor(
    private readonly code: string,
    private readonly reason: string,
    private readonly newDueAt: Date,
  ) {}

  async execute(ctx: CommandContext) {
    const peek = await loadDossier(ctx.sql, this.code);
    await ctx.runtime.load(peek.instance_id);
    const dossier = await loadDossier(ctx.sql, this.code);
    if (dossier.finished_at) throw conflict(`dossier ${this.code} is already processed`);
    const calendar = ctx.services.calendar();
    const day = toLocalDate(this.newDueAt);
    if (day <= toLocalDate(ctx.now)) throw badInput('the new appointment date must be after today', [{ field: 'newDueAt', message: 'must be after today' }]);
    if (!calendar.isWorkingDay(day)) throw badInput(`${day} is not a working day`, [{ field: 'newDueAt', message: 'must be a working day' }]);
    if (dossier.due_at && this.newDueAt.getTime() <= dossier.due_at.getTime()) {
      throw badInput('the new appointment date must be later than the current one', [{ field: 'newDueAt', message: 'must extend the appointment' }]);
    }
    // An apology is due before the date passes; recorded later it still informs the applicant,
    // but the dossier stays a violation in the reports.
    const timely = !dossier.due_at || ctx.now.getTime() <= dossier.due_at.getTime();
    const updated = await updateDossier(ctx.sql, dossier, { due_at: this.newDueAt, apology_count: dossier.apology_count + 1, ...(timely ? {} : { violation: true }) }, ctx.now, ctx.actor.username);
    await appendDossierEvent(ctx.sql, this.code, ctx.now, 'apology', ctx.actor.username, { reason: this.reason, previousDueAt: dossier.due_at, newDueAt: this.newDueAt, timely });
    await scheduleDossierDeadlines(ctx, updated);
    await ctx.audit({ operation: 'apology', entityType: 'dossier', entityId: this.code, instanceId: dossier.instance_id, fromState: { dueAt: dossier.due_at }, details: { reason: this.reason, newDueAt: this.newDueAt } });
    ctx.dossierChanged(this.code);
    return { code: this.code, dueAt: this.newDueAt, legalDueAt: dossier.legal_due_at, timely };
  }
}
