import type { Command, CommandContext } from '../commands/command.js';
import { lockOpenTask } from '../commands/task-lookup.js';
import { taskAccess } from '../identity/task-access.js';
import { conflict } from '../shared/domain-error.js';
import { appendDossierEvent, dossierOfInstance, loadDossier, updateDossier } from '../persistence/dossiers/dossier-record.js';
import { lastSupplementRequest } from '../persistence/dossiers/dossier-rows.js';
import { scheduleDossierDeadlines } from './deadline-jobs.js';
import { notify } from './hand-back-notices.js';
import { inAppOnly } from './notifier.js';
import { userStore } from '../persistence/identity/user-store.js';
import { taskHistory } from '../persistence/history/task-history.js';
import { historyMonthOf } from '../runtime/rows.js';

/**
 * Form 02: the officer lists everything missing at once and the dossier waits for the applicant.
 * The step stays with the officer but can't be completed until the supplement arrives.
 */
export class RequestSupplement implements Command<{ dossierCode: string }> {
  readonly name = 'request-supplement';
  constructor(
    private readonly taskId: string,
    private readonly missing: string[],
    private readonly note: string | null,
  ) {}

  async execute(ctx: CommandContext) {
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    taskAccess.assertMayWork(ctx.actor, task);
    const dossier = await dossierOfInstance(ctx.sql, state.instance.rootInstanceId);
    if (!dossier) throw conflict('this task belongs to no dossier: a supplement needs an applicant to ask');
    if (dossier.waiting_since) throw conflict(`dossier ${dossier.code} already waits for a supplement`);
    if (dossier.finished_at) throw conflict(`dossier ${dossier.code} is already processed`);
    task.suspended = true;
    if (!task.assignee) task.assignee = ctx.actor.username;
    await updateDossier(ctx.sql, dossier, { waiting_since: ctx.now }, ctx.now, ctx.actor.username);
    await appendDossierEvent(ctx.sql, dossier.code, ctx.now, 'supplement_requested', ctx.actor.username, {
      missing: this.missing,
      note: this.note,
      taskId: task.id,
      instanceId: state.id,
      elementId: task.elementId,
      departmentCode: task.departmentCode,
    });
    // The desk that received the dossier tells the applicant: it is told what to ask for.
    const desk = await userStore.departmentOf(ctx.sql, dossier.received_by);
    await notify(ctx, inAppOnly, {
      kind: 'supplement-requested',
      departmentCode: desk?.department_code ?? dossier.agency_code,
      role: desk?.department_code ? null : 'reception',
      message: `Hồ sơ ${dossier.code} cần bổ sung (mẫu 02), bước "${task.name ?? task.elementId}": ${this.missing.join('; ')}.${this.note ? ` Ghi chú: ${this.note}` : ''} Đề nghị thông báo cho người nộp hồ sơ.`,
      dossierCode: dossier.code,
      instanceId: state.id,
    });
    await ctx.audit({ operation: 'request-supplement', entityType: 'task', entityId: task.id, instanceId: state.id, fromState: { suspended: false }, details: { missing: this.missing } });
    ctx.dossierChanged(dossier.code);
    return { dossierCode: dossier.code };
  }
}

/**
 * The applicant brought what was missing. The procedure's policy decides the clock:
 * `restart` — the statutory time runs again from the complete dossier (with the 15:00 cut-off);
 * `pause` — the time spent waiting is added to every deadline. Either way the wait is never
 * counted against the agency, and the control sheet shows it.
 */
export class SupplementReceived implements Command<{ dueAt: Date | null; waitedMs: number }> {
  readonly name = 'supplement-received';
  constructor(private readonly code: string) {}

  async execute(ctx: CommandContext) {
    const peek = await loadDossier(ctx.sql, this.code);
    const request = await lastSupplementRequest(ctx.sql, this.code);
    const rt = ctx.runtime;
    const root = await rt.load(peek.instance_id);
    const holder = request ? await rt.load(request.data.instanceId) : root;
    const dossier = await loadDossier(ctx.sql, this.code);
    if (!dossier.waiting_since) throw conflict(`dossier ${this.code} is not waiting for a supplement`);
    const calendar = ctx.services.calendar();
    const waitedMs = calendar.workingTimeBetween(dossier.waiting_since, ctx.now);
    const restart = dossier.supplement_policy === 'restart';
    const statutory = dossier.statutory_days === null ? null : Number(dossier.statutory_days);
    const newDue = dossier.due_at === null ? null : restart && statutory !== null ? calendar.dossierDueAt(ctx.now, statutory) : calendar.addWorkingTime(dossier.due_at, waitedMs);
    const newLegalDue = dossier.legal_due_at === null ? null : restart && statutory !== null ? newDue : calendar.addWorkingTime(dossier.legal_due_at, waitedMs);
    const task = request && holder ? holder.tasks.get(request.data.taskId) : undefined;
    if (task) {
      task.suspended = false;
      const allowance = rt.graphOf(holder!).nodes.get(task.elementId)?.step.allowanceDays;
      if (task.dueAt) task.dueAt = restart && allowance ? ctx.services.time.stepDueAt(ctx.now, allowance) : calendar.addWorkingTime(task.dueAt, waitedMs);
      rt.history.updateActivity(holder!.instance, task.activityInstanceId, { dueAt: task.dueAt });
      await taskHistory.addWaited(ctx.sql, task.activityInstanceId, historyMonthOf(holder!.instance.startedAt), waitedMs);
    }
    const updated = await updateDossier(ctx.sql, dossier, { waiting_since: null, due_at: newDue, legal_due_at: newLegalDue, ...(restart ? { clock_started_at: calendar.dossierDueAt(ctx.now, 0) } : {}) }, ctx.now, ctx.actor.username);
    await appendDossierEvent(ctx.sql, this.code, ctx.now, 'supplement_received', ctx.actor.username, { waitedMs, policy: dossier.supplement_policy, previousDueAt: dossier.due_at, newDueAt: newDue });
    await scheduleDossierDeadlines(ctx, updated);
    await ctx.audit({ operation: 'supplement-received', entityType: 'dossier', entityId: this.code, instanceId: dossier.instance_id, details: { waitedMs } });
    ctx.dossierChanged(this.code);
    return { dueAt: newDue, waitedMs };
  }
}
