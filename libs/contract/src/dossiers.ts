import type { Wire } from './wire.js';

/** How a step or a dossier finished against its due instant; null while open or without one. */
export type StepResult = 'early' | 'on_time' | 'late' | null;

/** How the applicant's papers reached the desk. */
export type DossierChannel = 'direct' | 'online' | 'postal';

/** Channels an applicant agreed to be told on. */
export type NoticeChannel = 'email' | 'sms' | 'zalo';

export interface Applicant {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  notify?: NoticeChannel[];
}

/** One line of the control sheet (phiếu kiểm soát): a step's hand-over, times and result. */
export interface ControlSheetRowView {
  taskId?: string;
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  departmentName?: string | null;
  assignee: string | null;
  assigneeName?: string | null;
  fromDepartmentCode?: string | null;
  fromAssignee?: string | null;
  startedAt: Date;
  completedAt: Date | null;
  dueAt: Date | null;
  allowanceDays?: number | null;
  outcome?: string | null;
  result: StepResult;
  opinion?: string | null;
  supplementRequests?: { at: Date; missing: string[]; note: string | null }[];
}

/** A step of the dossier open now. */
export interface CurrentStepView {
  id: string;
  name: string | null;
  elementId: string;
  departmentCode: string | null;
  assignee: string | null;
  dueAt: Date | null;
  suspended: boolean;
}

/** An entry of the dossier's history. */
export interface DossierEventView {
  at: Date;
  kind: string;
  actor: string | null;
  data: Record<string, unknown> | null;
}

/** One dossier (GET /api/dossiers/{code}). */
export interface DossierView {
  code: string;
  processInstanceId: string;
  definitionId?: string;
  agencyCode?: string;
  receivedBy?: string | null;
  legalDueAt?: Date | null;
  returnedAt?: Date | null;
  apologies?: number;
  violation?: boolean;
  result?: StepResult;
  /** The documents handed in (form 01's list), when the desk recorded them. */
  documents?: { name: string; copies: string | null }[];
  procedureKey: string;
  procedureCode?: string | null;
  procedureName?: string | null;
  applicant: Applicant;
  channel: DossierChannel;
  receivedAt: Date;
  dueAt: Date | null;
  status: number;
  statusText?: string;
  overdue?: boolean;
  waitingSince?: Date | null;
  finishedAt?: Date | null;
  currentSteps?: CurrentStepView[];
  steps: ControlSheetRowView[];
  events?: DossierEventView[];
}

/** A row of `GET /api/dossiers` (the list has fewer fields than one dossier). */
export interface DossierSummaryView {
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
  receivedAt: Date;
  legalDueAt?: Date | null;
  dueAt: Date | null;
  finishedAt?: Date | null;
  returnedAt?: Date | null;
  status: number;
  overdue: boolean;
  currentSteps?: { name: string | null; departmentCode: string | null; assignee: string | null }[];
}

/** The answer to receiving a dossier (POST /api/dossiers). */
export interface ReceivedDossierView {
  code: string;
  processInstanceId: string;
  procedureKey: string;
  receivedAt: Date;
  dueAt: Date | null;
  status: number;
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

export type ControlSheetRow = Wire<ControlSheetRowView>;
export type CurrentStep = Wire<CurrentStepView>;
export type DossierEvent = Wire<DossierEventView>;
export type Dossier = Wire<DossierView>;
export type DossierSummary = Wire<DossierSummaryView>;
export type ReceivedDossier = Wire<ReceivedDossierView>;
