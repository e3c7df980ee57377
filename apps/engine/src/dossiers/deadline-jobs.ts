import type { CommandContext } from '../commands/command.js';
import type { AcquiredJob, JobHandler } from '../commands/execute-job.js';
import { appendDossierEvent, type DossierRecord } from '../persistence/dossiers/dossier-record.js';
import { findDossier, markViolation } from '../persistence/dossiers/dossier-rows.js';
import { vietnameseTime } from '../documents/vietnamese-time.js';
import type { Notifier } from './notifier.js';
import { jobStore } from '../persistence/jobs/job-store.js';
import { notificationStore } from '../persistence/notifications/notification-store.js';

/**
 * Watching the clock (issue #4) with ordinary jobs, so it is multi-node safe and runs once
 * (overdue steps are swept in bulk instead: see overdue-sweep.ts):
 * - `dossier-apology-due` one working day before a dossier's due time: demand form 04;
 * - `dossier-deadline` at its due time: no apology recorded → a violation in the reports.
 * A job whose deadline moved (supplement, apology) re-arms itself for the new time.
 */
async function insertJob(ctx: CommandContext, type: string, instanceId: string, definitionId: string, dueAt: Date, payload: Record<string, unknown>): Promise<void> {
  await jobStore.insertDossierJob(ctx.sql, [ctx.services.newId(), type, instanceId, definitionId, dueAt, JSON.stringify(payload), ctx.now]);
  await ctx.store.touch(instanceId);
}

/** Arms the dossier's deadline jobs (at receipt, and again when its due date moves). */
export async function scheduleDossierDeadlines(ctx: CommandContext, dossier: Pick<DossierRecord, 'code' | 'instance_id' | 'definition_id' | 'due_at'>): Promise<void> {
  if (!dossier.due_at) return;
  await jobStore.removeDossierDeadlines(ctx.sql, dossier.instance_id);
  await ctx.store.touch(dossier.instance_id);
  const calendar = ctx.services.calendar();
  const warnAt = subtractWorkingDay(calendar, dossier.due_at, ctx.now);
  await insertJob(ctx, 'dossier-apology-due', dossier.instance_id, dossier.definition_id, warnAt, { dossierCode: dossier.code });
  await insertJob(ctx, 'dossier-deadline', dossier.instance_id, dossier.definition_id, dossier.due_at, { dossierCode: dossier.code });
}

/** One working day before `due` (the latest moment an apology is still timely to prepare). */
function subtractWorkingDay(calendar: { workingTimeBetween(a: Date, b: Date): number; addWorkingTime(a: Date, ms: number): Date }, due: Date, notBefore: Date): Date {
  const day = 8 * 3600_000;
  const available = calendar.workingTimeBetween(notBefore, due);
  if (available <= day) return notBefore;
  return calendar.addWorkingTime(notBefore, available - day);
}

async function rearm(ctx: CommandContext, job: AcquiredJob, dueAt: Date): Promise<void> {
  await jobStore.rearm(ctx.sql, job.id, dueAt);
  if (job.instance_id) await ctx.store.touch(job.instance_id);
}

async function done(ctx: CommandContext, job: AcquiredJob): Promise<void> {
  await jobStore.remove(ctx.sql, job.id);
  if (job.instance_id) await ctx.store.touch(job.instance_id);
}

export function dossierDeadlineHandlers(notifier: Notifier): Record<string, JobHandler> {
  const load = async (ctx: CommandContext, job: AcquiredJob) => {
    return findDossier(ctx.sql, String(job.payload.dossierCode));
  };
  return {
    'dossier-apology-due': async (ctx, job) => {
      const d = await load(ctx, job);
      await done(ctx, job);
      if (!d || d.finished_at || !d.due_at || d.waiting_since) return;
      const message = `Hồ sơ ${d.code} sắp đến hạn trả kết quả (${vietnameseTime.dayTime(d.due_at)}) mà chưa giải quyết xong: cần lập văn bản xin lỗi và hẹn lại ngày trả (mẫu 04) trước khi quá hạn.`;
      await notificationStore.insertApologyDue(ctx.sql, [ctx.services.newId(), ctx.now, d.agency_code, message, d.code, d.instance_id]);
      notifier.afterCommit(ctx, { kind: 'apology-due', departmentCode: d.agency_code, role: 'leader', message, dossierCode: d.code });
    },
    'dossier-deadline': async (ctx, job) => {
      const d = await load(ctx, job);
      if (!d || d.finished_at || !d.due_at || d.waiting_since) return done(ctx, job);
      if (d.due_at.getTime() > ctx.now.getTime()) return rearm(ctx, job, d.due_at);
      await done(ctx, job);
      if (d.apology_count > 0 || d.violation) return;
      await markViolation(ctx.sql, d.code);
      await appendDossierEvent(ctx.sql, d.code, ctx.now, 'violation', null, { dueAt: d.due_at, reason: 'quá hạn mà chưa có văn bản xin lỗi' });
    },
  };
}
