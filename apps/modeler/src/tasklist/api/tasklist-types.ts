/** The shapes of the API.md answers the task list reads (only the fields it uses). */

export interface Task {
  id: string;
  name: string | null;
  elementId: string;
  processInstanceId: string;
  /** For a step of a called sub-procedure this is the child's definition, not the dossier's. */
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  dossierCode: string | null;
  departmentCode: string | null;
  role: string | null;
  assignee: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue?: boolean;
}

export type StepResult = 'early' | 'on_time' | 'late' | null;

export interface ControlSheetRow {
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  assignee: string | null;
  fromDepartmentCode?: string | null;
  fromAssignee?: string | null;
  startedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  allowanceDays?: number | null;
  outcome?: string | null;
  result: StepResult;
}

export interface CurrentStep {
  id: string;
  name: string | null;
  elementId: string;
  departmentCode: string | null;
  assignee: string | null;
  dueAt: string | null;
  suspended: boolean;
}

export interface DossierEvent {
  at: string;
  kind: string;
  actor: string | null;
  data: Record<string, unknown> | null;
}

export interface Dossier {
  code: string;
  processInstanceId: string;
  procedureKey: string;
  procedureCode?: string | null;
  procedureName?: string | null;
  applicant: { name: string; idNumber?: string | null; phone?: string | null; email?: string | null };
  channel: 'direct' | 'online' | 'postal';
  receivedAt: string;
  dueAt: string | null;
  status: number;
  statusText?: string;
  overdue?: boolean;
  waitingSince?: string | null;
  finishedAt?: string | null;
  currentSteps?: CurrentStep[];
  steps: ControlSheetRow[];
  events?: DossierEvent[];
}

/** A row of `GET /api/dossiers` (the list has fewer fields than one dossier). */
export interface DossierSummary {
  code: string;
  processInstanceId: string;
  procedureKey: string;
  procedureName: string | null;
  applicantName: string;
  receivedAt: string;
  dueAt: string | null;
  status: number;
  overdue: boolean;
}

export interface ReceivedDossier {
  code: string;
  processInstanceId: string;
  procedureKey: string;
  receivedAt: string;
  dueAt: string | null;
  status: number;
}

export interface ProcessInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  activeActivityIds: string[];
  variables: Record<string, unknown>;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  procedureCode?: string | null;
  statutoryDays?: number | null;
}

export interface Department {
  code: string;
  name: string;
  parentCode?: string | null;
}

export interface DirectoryUser {
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  active?: boolean;
}

export interface AppNotification {
  id: string;
  createdAt: string;
  kind: string;
  message: string;
  dossierCode: string | null;
  taskId: string | null;
  readAt: string | null;
}

export type InboxFilter = 'mine' | 'candidate' | 'overdue';

export interface Applicant {
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
}
