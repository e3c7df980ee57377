import type { WorkingCalendar } from '@onedoor/working-calendar';
import type { FinishedDossier } from '../queries/reengineering/finished-dossiers.js';

/** One completed task: how long its step took this time. */
export interface StepSample {
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  /** Working time from the task's creation to its completion, minus applicant waits. */
  usedMs: number;
  waitedMs: number;
  /** Null when the step had no due date (not counted, e.g. returning the result). */
  late: boolean | null;
}

/** A finished dossier measured on the working calendar. */
export interface DossierMeasure {
  code: string;
  /** Working time from clock start to finish, applicant waits included. */
  elapsedMs: number;
  /** The part of it spent waiting for the applicant, never counted against the agency. */
  waitingMs: number;
  /** elapsed − waiting: the time the agency used, what the statutory time is measured against. */
  usedMs: number;
  /** Finished after the legal due instant (the one definition: classifyTimeliness). */
  late: boolean;
  samples: StepSample[];
  /** Working time (waits excluded) each step took inside [clock start, finish]: what dropping it saves. */
  spanMsByElement: Map<string, number>;
}

/**
 * Measures one dossier. Applicant waits are subtracted only under the `pause` policy: under
 * `restart` every wait ends before the clock's last restart (clock_started_at moves to the
 * complete dossier), so the measured span holds none and subtracting them would count them twice.
 */
export function measureDossier(dossier: FinishedDossier, calendar: WorkingCalendar): DossierMeasure {
  const pause = dossier.supplementPolicy === 'pause';
  const elapsedMs = calendar.workingTimeBetween(dossier.clockStartedAt, dossier.finishedAt);
  const waitingMs = pause ? Math.min(elapsedMs, dossier.tasks.reduce((sum, t) => sum + t.waitedMs, 0)) : 0;

  const samples: StepSample[] = [];
  const spanMsByElement = new Map<string, number>();
  for (const task of dossier.tasks) {
    // Canceled tasks (interrupted, instance stopped) are left out, as on the control sheet.
    if (!task.endedAt || (task.outcome !== 'completed' && task.outcome !== 'returned')) continue;
    if (task.outcome === 'completed') {
      samples.push({
        elementId: task.elementId,
        name: task.name,
        departmentCode: task.departmentCode,
        usedMs: Math.max(0, calendar.workingTimeBetween(task.createdAt, task.endedAt) - task.waitedMs),
        waitedMs: task.waitedMs,
        late: task.dueAt ? calendar.classify(task.endedAt, task.dueAt) === 'late' : null,
      });
    }
    const from = max(task.createdAt, dossier.clockStartedAt);
    const to = min(task.endedAt, dossier.finishedAt);
    const inSpan = Math.max(0, calendar.workingTimeBetween(from, to) - (pause ? task.waitedMs : 0));
    spanMsByElement.set(task.elementId, (spanMsByElement.get(task.elementId) ?? 0) + inSpan);
  }

  return {
    code: dossier.code,
    elapsedMs,
    waitingMs,
    usedMs: elapsedMs - waitingMs,
    late: dossier.legalDueAt !== null && calendar.classify(dossier.finishedAt, dossier.legalDueAt) === 'late',
    samples,
    spanMsByElement,
  };
}

const max = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const min = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
