import type { VisitedActivityView } from './definitions.js';
import type { Wire } from './wire.js';

// The operations console (issue #20, Cockpit's): instances found and inspected, put right,
// procedures' heat-maps, migrations of running dossiers, incidents.

/**
 * An open step of an instance, as PostgreSQL aggregates it into the instance's row (json_agg):
 * its `dueAt` is already text there — ISO 8601 with the database session's offset — not a `Date`.
 */
export interface InstanceStep {
  activityId: string;
  name: string | null;
  departmentCode: string | null;
  dueAt: string | null;
  assignee: string | null;
}

/** An instance as the console lists it (GET /api/process-instances) and heads its page with. */
export interface InstanceSummaryView {
  id: string;
  definitionId: string;
  definitionKey: string;
  version: number;
  procedureName: string | null;
  /** The dossier code, for a dossier. */
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  suspended: boolean;
  startedAt: Date;
  endedAt: Date | null;
  /** The instance that called this one (an inter-agency step); null for a dossier's own. */
  parentInstanceId: string | null;
  /** Open steps, oldest first. */
  steps: InstanceStep[];
  /** The earliest due date of an open step. */
  dueAt: Date | null;
  /** An open step past its due date, or (active) a dossier past its appointment. */
  overdue: boolean;
  /** Open incidents. */
  incidents: number;
}

/** One page of the instance search (GET /api/process-instances). */
export interface InstancePageView {
  items: InstanceSummaryView[];
  total: number;
  page: number;
  size: number;
}

/** A token resting at a step, with its step's history row and open task where it has them. */
export interface ConsoleTokenView {
  executionId: string;
  activityId: string;
  activityName: string | null;
  activityInstanceId: string | null;
  state: 'active' | 'waiting' | 'joining' | 'scope';
  startedAt: Date | null;
  dueAt: Date | null;
  taskId: string | null;
  assignee: string | null;
  departmentCode: string | null;
}

/** A step with tokens at it: how many, how many past due, the earliest due date. */
export interface ConsoleActivityView {
  activityId: string;
  name: string | null;
  count: number;
  overdue: number;
  dueAt: Date | null;
  dueState: 'overdue' | 'on-time' | 'none';
  tokens: ConsoleTokenView[];
}

/** An incident of the instance, open or resolved (newest first, at most 100). */
export interface IncidentView {
  id: string;
  type: string;
  jobId: string | null;
  elementId: string | null;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** The dossier the instance runs, when it runs one. */
export interface ConsoleDossierView {
  code: string;
  /** The national status code (1–10). */
  status: number;
  dueAt: Date | null;
  receivedAt: Date;
  applicantName: string;
}

/** A step the instance went through or is at (its activity history, in order). */
export interface ConsoleHistoryEntryView extends VisitedActivityView {
  outcome: string | null;
  endedBy: string | null;
  opinion: string | null;
}

/** A job of the instance (timer, escalation, migration…), with its lock if a node holds it. */
export interface ConsoleJobView {
  id: string;
  type: string;
  elementId: string;
  dueAt: Date;
  /** Retries left; 0: it failed and an incident is open. */
  retries: number;
  lastError: string | null;
  lockOwner: string | null;
  lockExpiresAt: Date | null;
}

/** What the audit log keeps of an operation: the reason an administrator gave, and more by operation. */
export interface AuditDetails {
  reason?: string;
  [detail: string]: unknown;
}

/** An entry of the instance's audit log (newest first, at most 200). */
export interface AuditEntryView {
  at: Date;
  username: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  /** What the entity was before, as the operation recorded it. */
  fromState: unknown;
  details: AuditDetails | null;
}

/** A procedure the instance called (an inter-agency step), an instance of its own. */
export interface CalledInstance {
  id: string;
  definitionKey: string;
  state: 'active' | 'completed' | 'terminated';
}

/** One instance, "where is it and why is it stuck" (GET /api/process-instances/{id}/console). */
export interface InstanceConsoleView {
  instance: InstanceSummaryView;
  dossier: ConsoleDossierView | null;
  activities: ConsoleActivityView[];
  variables: Record<string, unknown>;
  history: ConsoleHistoryEntryView[];
  jobs: ConsoleJobView[];
  incidents: IncidentView[];
  audit: AuditEntryView[];
  calledInstances: CalledInstance[];
}

/** A step of a version's heat-map: tokens there now, and the working time finished runs took (ms). */
export interface HeatStep {
  activityId: string;
  running: number;
  overdue: number;
  completed: number;
  meanMs: number | null;
  p90Ms: number | null;
}

/** Where a version's dossiers pile up (GET /api/process-definitions/{id}/heat-map). */
export interface HeatMap {
  definition: { id: string; key: string; version: number; name: string | null; suspended: boolean };
  /** By step id. */
  steps: HeatStep[];
}

/** A version of the procedure on the dashboard. */
export interface DashboardVersion {
  id: string;
  version: number;
  name: string | null;
  /** No new dossier starts on it. */
  suspended: boolean;
  running: number;
  suspendedInstances: number;
  completedToday: number;
  overdue: number;
  incidents: number;
}

/** A procedure's versions at a glance (GET /api/operations/dashboard); "today" is Vietnam's day. */
export interface OperationsDashboard {
  definitionKey: string;
  running: number;
  completedToday: number;
  overdue: number;
  incidents: number;
  versions: DashboardVersion[];
  /** Over all versions: the latest 2 000 finished runs of each step, working time in ms. */
  meanPerStep: { activityId: string; name: string | null; completed: number; meanMs: number | null }[];
}

/** Where tokens resting at one step of the source version go on the target version. */
export interface MigrationInstruction {
  sourceActivityId: string;
  /** null: no place on the target; instances waiting there are refused. */
  targetActivityId: string | null;
  /** same: the step kept its id; successor: the step is gone (simplified away), its successor takes the token; none: nowhere to go. */
  kind: 'same' | 'successor' | 'none';
  sourceName?: string | null;
  targetName?: string | null;
}

/** A migration plan: proposed by POST /api/migrations/plan, sent back (perhaps edited) to preview and run. */
export interface MigrationPlan {
  sourceDefinitionId: string;
  targetDefinitionId: string;
  instructions: MigrationInstruction[];
}

/** Where the selected instances would land (POST /api/migrations/preview). */
export interface MigrationPreview {
  total: number;
  migratable: number;
  refused: number;
  /** Per step of the source with instances waiting: how many, and where they land. */
  bySource: { activityId: string; name: string | null; count: number; targetActivityId: string | null; targetName: string | null }[];
  /** Per step of the target: how many instances will wait there. */
  byTarget: { activityId: string; name: string | null; count: number }[];
  refusals: { instanceId: string; businessKey: string | null; reason: string }[];
}

/** A batch started (POST /api/migrations): follow it with GET /api/migrations/{id}. */
export interface MigrationStarted {
  id: string;
  /** Instances in the batch. */
  total: number;
}

/** One instance of a batch and what became of it, as far as the job executors have got. */
export interface MigrationBatchItemView {
  instanceId: string;
  businessKey: string | null;
  outcome: 'pending' | 'moved' | 'refused';
  reason: string | null;
  fromActivities: string[] | null;
  toActivities: string[] | null;
  finishedAt: Date | null;
}

/** A migration batch (GET /api/migrations/{id}). */
export interface MigrationBatchView {
  id: string;
  sourceDefinitionId: string;
  targetDefinitionId: string;
  createdBy: string | null;
  createdAt: Date;
  reason: string | null;
  total: number;
  pending: number;
  moved: number;
  refused: number;
  items: MigrationBatchItemView[];
}

/** An open incident, wherever it is (GET /api/incidents). */
export interface OpenIncidentView {
  id: string;
  type: string;
  jobId: string | null;
  processInstanceId: string | null;
  elementId: string | null;
  definitionId: string | null;
  message: string;
  createdAt: Date;
}

/** An incident's job given its retries back (POST /api/incidents/{id}/retry). */
export interface IncidentRetriedView {
  incidentId: string;
  jobId: string | null;
  retries: number;
  dueAt: Date;
}

/** An incident resolved without running its job again (POST /api/incidents/{id}/resolve). */
export interface IncidentResolvedView {
  incidentId: string;
  resolvedAt: Date;
}

/** An instance cancelled (POST /api/process-instances/{id}/cancel): the dossier's status, 7 withdrawn or 8 stopped. */
export interface InstanceCancelled {
  id: string;
  state: 'terminated';
  dossierCode: string | null;
  status: number | null;
}

/** An instance or a version suspended or resumed (POST …/{id}/suspend, …/{id}/resume). */
export interface SuspensionChanged {
  id: string;
  suspended: boolean;
}

/** An instance after its tokens moved (POST /api/process-instances/{id}/modification). */
export interface InstanceModified {
  id: string;
  state: 'active' | 'completed' | 'terminated';
  activeActivityIds: string[];
}

/** An instance's variables after an edit (PATCH /api/process-instances/{id}/variables). */
export interface VariablesEdited {
  id: string;
  variables: Record<string, unknown>;
}

export type InstanceSummary = Wire<InstanceSummaryView>;
export type InstancePage = Wire<InstancePageView>;
export type ConsoleToken = Wire<ConsoleTokenView>;
export type ConsoleActivity = Wire<ConsoleActivityView>;
export type Incident = Wire<IncidentView>;
export type InstanceConsole = Wire<InstanceConsoleView>;
export type MigrationBatchItem = Wire<MigrationBatchItemView>;
export type MigrationBatch = Wire<MigrationBatchView>;
export type OpenIncident = Wire<OpenIncidentView>;
export type IncidentRetried = Wire<IncidentRetriedView>;
export type IncidentResolved = Wire<IncidentResolvedView>;
