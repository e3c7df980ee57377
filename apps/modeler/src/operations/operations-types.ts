/** What the operations console's API answers (issue #20), as the page reads it. */
export interface InstanceStep {
  activityId: string;
  name: string | null;
  departmentCode: string | null;
  dueAt: string | null;
  assignee: string | null;
}

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionKey: string;
  version: number;
  procedureName: string | null;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  suspended: boolean;
  startedAt: string;
  endedAt: string | null;
  steps: InstanceStep[];
  dueAt: string | null;
  overdue: boolean;
  incidents: number;
}

export interface ConsoleToken {
  executionId: string;
  activityInstanceId: string | null;
  state: string;
  startedAt: string | null;
  dueAt: string | null;
  taskId: string | null;
  assignee: string | null;
  departmentCode: string | null;
}

export interface ConsoleActivity {
  activityId: string;
  name: string | null;
  count: number;
  overdue: number;
  dueAt: string | null;
  dueState: 'overdue' | 'on-time' | 'none';
  tokens: ConsoleToken[];
}

export interface Incident {
  id: string;
  type: string;
  jobId: string | null;
  elementId: string | null;
  message: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface InstanceConsole {
  instance: InstanceSummary;
  dossier: { code: string; status: number; dueAt: string | null; receivedAt: string; applicantName: string } | null;
  activities: ConsoleActivity[];
  variables: Record<string, unknown>;
  history: { id: string; activityId: string; activityName: string | null; activityType: string; startedAt: string; endedAt: string | null; state: string; assignee: string | null; departmentCode: string | null; dueAt: string | null; outcome: string | null; endedBy: string | null }[];
  jobs: { id: string; type: string; elementId: string; dueAt: string; retries: number; lastError: string | null; lockOwner: string | null }[];
  incidents: Incident[];
  audit: { at: string; username: string | null; operation: string; details: { reason?: string } | null }[];
  /** Procedures this instance called (inter-agency steps), each an instance of its own. */
  calledInstances: { id: string; definitionKey: string; state: string }[];
}

export interface HeatStep {
  activityId: string;
  running: number;
  overdue: number;
  completed: number;
  meanMs: number | null;
  p90Ms: number | null;
}

export interface MigrationInstruction {
  sourceActivityId: string;
  targetActivityId: string | null;
  kind: 'same' | 'successor' | 'none';
  sourceName?: string | null;
  targetName?: string | null;
}

export interface MigrationPlan {
  sourceDefinitionId: string;
  targetDefinitionId: string;
  instructions: MigrationInstruction[];
}

export interface MigrationPreview {
  total: number;
  migratable: number;
  refused: number;
  bySource: { activityId: string; name: string | null; count: number; targetActivityId: string | null; targetName: string | null }[];
  byTarget: { activityId: string; name: string | null; count: number }[];
  refusals: { instanceId: string; businessKey: string | null; reason: string }[];
}

export interface MigrationBatch {
  id: string;
  total: number;
  pending: number;
  moved: number;
  refused: number;
  items: { instanceId: string; businessKey: string | null; outcome: 'pending' | 'moved' | 'refused'; reason: string | null; fromActivities: string[] | null; toActivities: string[] | null }[];
}
