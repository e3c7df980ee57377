import type { Wire } from './wire.js';

/** One row of `GET /api/process-definitions` (the fields every page reads). */
export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  procedureCode?: string | null;
  statutoryDays?: number | null;
}

/** A process instance (GET /api/process-instances/{id}). */
export interface ProcessInstanceSummary {
  id: string;
  definitionId: string;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  activeActivityIds: string[];
  variables: Record<string, unknown>;
}

/** A step an instance went through or is at, as its activity history keeps it (in order). */
export interface VisitedActivityView {
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  startedAt: Date;
  endedAt: Date | null;
  state: string;
  assignee: string | null;
  departmentCode: string | null;
  dueAt: Date | null;
  taskId: string | null;
}

/** An entry of an instance's history (GET /api/process-instances/{id}/history). */
export interface ActivityHistoryView extends VisitedActivityView {
  role: string | null;
  /** For a call activity: the instance of the procedure it called. */
  calledInstanceId: string | null;
}

export type ActivityHistoryEntry = Wire<ActivityHistoryView>;
