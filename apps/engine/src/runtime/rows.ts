/**
 * The runtime and history rows as the core sees them: plain data, mapped 1:1 to tables by the
 * persistence layer. The core changes these in memory; the unit of work writes the difference.
 */

export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface ProcessInstanceRow {
  id: string;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  state: InstanceStatus;
  parentInstanceId: string | null;
  parentExecutionId: string | null;
  rootInstanceId: string;
  startedAt: Date;
  endedAt: Date | null;
  startedBy: string | null;
  revision: number;
  /** Suspended by an administrator: its steps can't be completed and its jobs don't run (absent: false). */
  suspended?: boolean;
}

/** A token or a scope. The process instance's root scope has the instance's id. */
export interface ExecutionRow {
  id: string;
  instanceId: string;
  parentId: string | null;
  activityId: string | null;
  /** active: moving; waiting: at a wait state; joining: parked at a join; scope: holds child tokens. */
  state: 'active' | 'waiting' | 'joining' | 'scope';
  incomingFlowId: string | null;
  /** The open history row of the activity this token is at. */
  activityInstanceId: string | null;
  createdAt: Date;
  /** Variables local to this execution (multi-instance counters, element variable); null: none. */
  variables: Record<string, unknown> | null;
}

export type TaskKind = 'user' | 'manual';

export interface TaskRow {
  id: string;
  instanceId: string;
  executionId: string;
  elementId: string;
  name: string | null;
  kind: TaskKind;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  departmentCode: string | null;
  role: string | null;
  assignee: string | null;
  createdAt: Date;
  dueAt: Date | null;
  activityInstanceId: string;
  revision: number;
  /** Waiting for the applicant's supplement: the department can't complete it meanwhile. */
  suspended: boolean;
}

export type JobType = string;

export interface JobRow {
  id: string;
  type: JobType;
  instanceId: string | null;
  executionId: string | null;
  elementId: string;
  definitionId: string;
  dueAt: Date;
  retries: number;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * What a token or scope waits for besides timers: a message (by name and business key), a
 * signal (by name, broadcast), a condition over its variables, or — for a completed activity
 * with a compensation handler — a compensation throw (`eventName` is the completed activity).
 */
export type SubscriptionType = 'message' | 'signal' | 'conditional' | 'compensate';

export interface SubscriptionRow {
  id: string;
  type: SubscriptionType;
  eventName: string;
  businessKey: string | null;
  instanceId: string | null;
  executionId: string | null;
  elementId: string;
  definitionId: string;
  createdAt: Date;
}

/**
 * The month (first day, UTC, as 'YYYY-MM-01') an instance started: the partition key of all its
 * history rows. Fixed per instance, so a dossier's history stays in one partition and leaves
 * with it; SQL's od_history_month(started_at) computes the same.
 */
export function historyMonthOf(startedAt: Date): string {
  return `${startedAt.getUTCFullYear()}-${String(startedAt.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * One step of an instance in history. A user or manual task has no row of its own: its fields
 * (task id, outcome, who ended it, allowance, opinion) are on its activity's row, so a step
 * writes one history row (the `hist_task_instance` view reads them back as before).
 */
export interface ActivityInstanceRow {
  id: string;
  historyMonth: string;
  instanceId: string;
  executionId: string;
  definitionId: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  startedAt: Date;
  endedAt: Date | null;
  state: 'active' | 'completed' | 'canceled';
  taskId: string | null;
  assignee: string | null;
  departmentCode: string | null;
  role: string | null;
  dueAt: Date | null;
  calledInstanceId: string | null;
  /** A task's end: completed, canceled (its token left by an event) or returned to the step before. */
  outcome: 'completed' | 'canceled' | 'returned' | null;
  endedBy: string | null;
  /** A task's allowance in working days, and whether it counts towards the dossier's time. */
  allowanceDays: number | null;
  counted: boolean | null;
  /** What the officer wrote on finishing: the opinion on completion, the reason on a return. Set when the step ends. */
  opinion: string | null;
}

export interface VariableUpdateRow {
  historyMonth: string;
  instanceId: string;
  name: string;
  value: unknown;
  at: Date;
  byUser: string | null;
  activityId: string | null;
}
