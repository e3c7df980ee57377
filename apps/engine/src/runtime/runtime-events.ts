import type { ProcessInstanceRow, TaskRow } from './rows.js';

/**
 * What happened during a command, in order. Listeners in the same transaction (dossier status,
 * notifications, the national-portal outbox) read these instead of hooking into behaviours.
 */
export type RuntimeEvent =
  | { type: 'instance.started'; instance: ProcessInstanceRow }
  | { type: 'instance.ended'; instance: ProcessInstanceRow; endActivityId: string | null }
  | { type: 'task.created'; task: TaskRow }
  | { type: 'task.ended'; task: TaskRow; outcome: 'completed' | 'canceled' | 'returned'; by: string | null; opinion?: string | null }
  | { type: 'activity.started'; instanceId: string; activityId: string; activityType: string }
  | { type: 'activity.ended'; instanceId: string; activityId: string; activityType: string; canceled: boolean };
