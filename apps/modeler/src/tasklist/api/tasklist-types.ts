/** The shapes of the docs/api.md answers the task list reads (only the fields it uses). */

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
  taskId?: string;
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  departmentName?: string | null;
  assignee: string | null;
  assigneeName?: string | null;
  fromDepartmentCode?: string | null;
  fromAssignee?: string | null;
  startedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  allowanceDays?: number | null;
  outcome?: string | null;
  result: StepResult;
  opinion?: string | null;
  supplementRequests?: { at: string; missing: string[]; note: string | null }[];
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
  definitionId?: string;
  agencyCode?: string;
  receivedBy?: string | null;
  legalDueAt?: string | null;
  returnedAt?: string | null;
  apologies?: number;
  violation?: boolean;
  result?: StepResult;
  /** The documents handed in (form 01's list), when the desk recorded them. */
  documents?: { name: string; copies: string | null }[];
  procedureKey: string;
  procedureCode?: string | null;
  procedureName?: string | null;
  applicant: { name: string; idNumber?: string | null; phone?: string | null; email?: string | null; notify?: ('email' | 'sms' | 'zalo')[] };
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
  definitionId?: string;
  procedureKey: string;
  procedureCode?: string | null;
  procedureName: string | null;
  agencyCode?: string;
  applicantName: string;
  applicantIdNumber?: string | null;
  channel?: string;
  receivedAt: string;
  legalDueAt?: string | null;
  dueAt: string | null;
  finishedAt?: string | null;
  returnedAt?: string | null;
  status: number;
  overdue: boolean;
  currentSteps?: { name: string | null; departmentCode: string | null; assignee: string | null }[];
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
  /** Channels the applicant agreed to be told on. */
  notify?: ('email' | 'sms' | 'zalo')[];
}

export type FormValue = string | number | boolean;
export type FormFieldType = 'text' | 'textarea' | 'number' | 'date' | 'boolean' | 'select' | 'officer' | 'decision';

/** One field of a step's form (GET /api/tasks/{id}/form). */
export interface TaskFormField {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  variable: string;
  description?: string;
  options?: { value: FormValue; label: string }[];
  value?: unknown;
  assignsStep?: { elementId: string; name: string | null; departmentCode: string | null; role: string | null };
}

export interface TaskForm {
  taskId: string;
  fields: TaskFormField[];
  decision: { variable: string; label: string; required: boolean; choices: { value: FormValue; label: string }[]; value?: unknown } | null;
  previousStep: { elementId: string; name: string | null } | null;
}

/** A name for a username (GET /api/people). */
export interface Person {
  username: string;
  fullName: string;
  departmentCode: string | null;
}

/** A procedure this desk may receive (GET /api/reception/procedures). */
export interface ReceivableProcedure {
  key: string;
  definitionId: string;
  name: string | null;
  procedureCode: string;
  statutoryDays: number | null;
  agencyCode: string | null;
  components: { id: string; name: string; required: boolean; copies?: string }[];
}
