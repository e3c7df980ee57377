import { classifyTimeliness } from '@onedoor/working-calendar';
import type { HandOff, Party } from './document-data.js';

/** A task of the dossier's instance tree, as history keeps it (people already resolved to names). */
export interface TaskHistory {
  id?: string;
  name: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  assignee: string | null;
  endedBy: string | null;
  createdAt: Date;
  dueAt: Date | null;
  endedAt: Date | null;
  allowanceDays: number | null;
  outcome: 'completed' | 'canceled' | 'returned' | null;
  opinion?: string | null;
}

/**
 * Tasks in creation order → control-sheet rows: each task's creation is a hand-off from whoever
 * finished the previous task (in its department) to this task's department and assignee; the
 * first comes from `origin` (the applicant at the desk). A finished step's result comes from
 * `classifyTimeliness`, the one definition the reports use too; a canceled step has none.
 */
export function handOffsOf(tasks: readonly TaskHistory[], origin: Party, supplements: readonly { taskId: string; at: Date; missing: string[] }[] = []): HandOff[] {
  return tasks.map((task, i) => {
    const previous = i > 0 ? tasks[i - 1] : undefined;
    const from: Party = previous
      ? { departmentCode: previous.departmentCode, departmentName: previous.departmentName, person: previous.endedBy ?? previous.assignee }
      : origin;
    const result = task.endedAt && task.dueAt && task.outcome !== 'canceled' ? classifyTimeliness(task.endedAt, task.dueAt) : null;
    return {
      stepName: task.name,
      from,
      to: { departmentCode: task.departmentCode, departmentName: task.departmentName, person: task.assignee },
      at: task.createdAt,
      allowanceDays: task.allowanceDays,
      dueAt: task.dueAt,
      endedAt: task.endedAt,
      outcome: task.outcome,
      result,
      opinion: task.opinion ?? null,
      supplementRequests: supplements.filter((s) => task.id !== undefined && s.taskId === task.id).map(({ at, missing }) => ({ at, missing })),
    };
  });
}
