import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The shapes the API answers with, for the OpenAPI document (docs/api.md is the contract; these
 * classes only describe it). Kept as plain classes with @ApiProperty: the engine returns plain
 * objects, and Swagger needs a class to name a schema.
 */
const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const date = { type: String, format: 'date-time' } as const;

export class ErrorDetailDoc {
  @ApiPropertyOptional({ description: 'The request field at fault (e.g. `variables.accepted`, `applicant.name`)' }) field?: string;
  @ApiPropertyOptional({ description: 'The BPMN element at fault (deployments)' }) elementId?: string;
  @ApiPropertyOptional() elementType?: string;
  @ApiProperty() message!: string;
}

export class ErrorBodyDoc {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDoc] }) details?: ErrorDetailDoc[];
}

export class SessionUserDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'motcua.syt' }) username!: string;
  @ApiProperty({ example: 'Nông Thị Lan' }) fullName!: string;
  @ApiProperty({ ...nullableString, example: 'SYT_MOTCUA' }) departmentCode!: string | null;
  @ApiProperty({ type: [String], example: ['officer', 'reception'] }) roles!: string[];
}

export class SessionTokensDoc {
  @ApiProperty({ description: 'Bearer token for every other /api call' }) accessToken!: string;
  @ApiProperty({ description: 'Exchanged once at POST /api/auth/refresh for a new pair' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds the access token is valid' }) expiresIn!: number;
}

export class LoginResponseDoc extends SessionTokensDoc {
  @ApiProperty({ type: SessionUserDoc }) user!: SessionUserDoc;
}

export class MfaRequiredDoc {
  @ApiProperty({ enum: [true] }) mfaRequired!: boolean;
  @ApiProperty({ description: 'Sent with the authenticator code to POST /api/auth/mfa' }) mfaToken!: string;
}

export class TotpSetupDoc {
  @ApiProperty() secret!: string;
  @ApiProperty({ description: 'otpauth:// address for the authenticator app’s QR code' }) otpauthUri!: string;
}

export class SingleSignOnOfferDoc {
  @ApiProperty() enabled!: boolean;
  @ApiPropertyOptional({ description: 'The sign-in button’s words' }) label?: string;
}

export class ActorDoc {
  @ApiProperty() username!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class DepartmentDoc {
  @ApiProperty({ example: 'SYT_BTXH' }) code!: string;
  @ApiProperty({ example: 'Phòng Bảo trợ xã hội và Trẻ em' }) name!: string;
  @ApiProperty({ ...nullableString, example: 'SYT' }) parentCode!: string | null;
}

export class UserDoc {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'Signs in through the agency’s identity provider, not with a password here' }) external?: boolean;
  @ApiPropertyOptional({ description: 'Has an authenticator app (second factor)' }) totpEnabled?: boolean;
}

export class OpenSessionDoc {
  @ApiProperty({ description: 'The session (refresh-token family)' }) id!: string;
  @ApiProperty({ ...nullableString, description: 'The browser it was opened from' }) client!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When its access token was last renewed' }) lastRenewedAt!: string;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;
}

export class AccountDoc {
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ description: 'Signs in through the agency’s identity provider: no password to change here' }) external!: boolean;
  @ApiProperty({ description: 'Sign-in asks for an authenticator code' }) totpEnabled!: boolean;
  @ApiProperty({ type: [OpenSessionDoc] }) sessions!: OpenSessionDoc[];
}

export class PersonDoc {
  @ApiProperty({ example: 'truongphong.btxh' }) username!: string;
  @ApiProperty({ example: 'Bế Văn Hùng' }) fullName!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
}

export class DeployedDefinitionDoc {
  @ApiProperty({ example: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat:2:…' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty({ description: 'false when a byte-identical file was deployed again (no new version)' }) isNew!: boolean;
}

export class DeploymentDoc {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty(date) deployedAt!: string;
  @ApiProperty({ type: [DeployedDefinitionDoc] }) processDefinitions!: DeployedDefinitionDoc[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class ProcessDefinitionDoc {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty() deploymentId!: string;
  @ApiProperty() resourceName!: string;
  @ApiProperty({ ...nullableString, example: '1.001806' }) procedureCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) statutoryDays!: number | null;
  @ApiProperty(nullableString) field!: string | null;
  @ApiProperty(date) deployedAt!: string;
}

export class DefinitionXmlDoc {
  @ApiProperty() id!: string;
  @ApiProperty() bpmnXml!: string;
}

export class StepDoc {
  @ApiProperty() elementId!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty() type!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) role!: string | null;
  @ApiProperty({ type: Number, nullable: true }) allowanceDays!: number | null;
  @ApiProperty() counted!: boolean;
  @ApiProperty() proposedForRemoval!: boolean;
  @ApiProperty(nullableString) removalReason!: string | null;
  @ApiProperty(nullableString) legalBasis!: string | null;
  @ApiProperty({ type: Number, nullable: true }) complianceCost!: number | null;
  @ApiPropertyOptional({ description: 'The call activity that runs this step (a called procedure’s step)' }) calledFrom?: string;
}

export class StepsDoc {
  @ApiProperty() definitionId!: string;
  @ApiProperty({ type: Number, nullable: true }) statutoryDays!: number | null;
  @ApiProperty() countedDays!: number;
  @ApiProperty({ type: [StepDoc] }) steps!: StepDoc[];
}

export class StartedInstanceDoc {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty(nullableString) businessKey!: string | null;
  @ApiProperty({ enum: ['active', 'completed', 'terminated'] }) state!: string;
}

export class IncidentDoc {
  @ApiProperty() id!: string;
  @ApiProperty() type!: string;
  @ApiProperty(nullableString) jobId!: string | null;
  @ApiProperty(nullableString) processInstanceId!: string | null;
  @ApiProperty(nullableString) elementId!: string | null;
  @ApiProperty(nullableString) definitionId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty(date) createdAt!: string;
}

export class ProcessInstanceDoc {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty(nullableString) businessKey!: string | null;
  @ApiProperty({ enum: ['active', 'completed', 'terminated'] }) state!: string;
  @ApiProperty(date) startedAt!: string;
  @ApiProperty(nullableDate) endedAt!: string | null;
  @ApiProperty(nullableString) parentInstanceId!: string | null;
  @ApiProperty({ type: [String] }) activeActivityIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) variables!: Record<string, unknown>;
  @ApiProperty({ type: [IncidentDoc] }) incidents!: IncidentDoc[];
}

export class ActivityHistoryDoc {
  @ApiProperty() id!: string;
  @ApiProperty() activityId!: string;
  @ApiProperty(nullableString) activityName!: string | null;
  @ApiProperty({ example: 'userTask' }) activityType!: string;
  @ApiProperty(date) startedAt!: string;
  @ApiProperty(nullableDate) endedAt!: string | null;
  @ApiProperty() state!: string;
  @ApiProperty(nullableString) assignee!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) role!: string | null;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty(nullableString) taskId!: string | null;
  @ApiProperty(nullableString) calledInstanceId!: string | null;
}

export class TaskDoc {
  @ApiProperty() id!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty() elementId!: string;
  @ApiProperty({ enum: ['user', 'manual'] }) kind!: string;
  @ApiProperty() processInstanceId!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty(nullableString) businessKey!: string | null;
  @ApiProperty(nullableString) dossierCode!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) role!: string | null;
  @ApiProperty(nullableString) assignee!: string | null;
  @ApiProperty(date) createdAt!: string;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class FormOptionDoc {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) value!: string | number | boolean;
  @ApiProperty() label!: string;
}

export class AssignedStepDoc {
  @ApiProperty() elementId!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) role!: string | null;
}

export class TaskFormFieldDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Chuyên viên thụ lý' }) label!: string;
  @ApiProperty({ enum: ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'officer', 'decision'] }) type!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: 'The process variable the value is completed into', example: 'chuyenVienThuLy' }) variable!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ type: [FormOptionDoc], description: 'select: its options; officer: the people who can be picked (username → full name)' }) options?: FormOptionDoc[];
  @ApiPropertyOptional({ description: 'The value the dossier holds now' }) value?: unknown;
  @ApiPropertyOptional({ type: AssignedStepDoc, description: 'officer: the step the pick becomes the assignee of' }) assignsStep?: AssignedStepDoc;
}

export class FormDecisionDoc {
  @ApiProperty({ example: 'accepted' }) variable!: string;
  @ApiProperty({ example: 'Quyết định của Giám đốc' }) label!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [FormOptionDoc] }) choices!: FormOptionDoc[];
  @ApiPropertyOptional() value?: unknown;
}

export class PreviousStepDoc {
  @ApiProperty() elementId!: string;
  @ApiProperty(nullableString) name!: string | null;
}

export class TaskFormDoc {
  @ApiProperty() taskId!: string;
  @ApiProperty({ type: [TaskFormFieldDoc] }) fields!: TaskFormFieldDoc[];
  @ApiProperty({ type: FormDecisionDoc, nullable: true, description: 'The decision the gateway after the step reads; null for a plain step' }) decision!: FormDecisionDoc | null;
  @ApiProperty({ type: PreviousStepDoc, nullable: true, description: 'Where a return would send the dossier; null on the first step' }) previousStep!: PreviousStepDoc | null;
}

export class ReturnResultDoc {
  @ApiProperty({ description: 'The step the dossier went back to' }) returnedTo!: string;
  @ApiProperty({ description: 'The reopened task' }) taskId!: string;
}

export class ReceivedDossierDoc {
  @ApiProperty({ example: 'SYT-261204-0000001' }) code!: string;
  @ApiProperty() processInstanceId!: string;
  @ApiProperty() procedureKey!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty({ description: 'National portal status (TrangThaiHoSo) 1–10', example: 2 }) status!: number;
}

export class CurrentStepNameDoc {
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) assignee!: string | null;
}

export class DossierListItemDoc {
  @ApiProperty() code!: string;
  @ApiProperty() processInstanceId!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() procedureKey!: string;
  @ApiProperty(nullableString) procedureCode!: string | null;
  @ApiProperty(nullableString) procedureName!: string | null;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty(nullableString) applicantIdNumber!: string | null;
  @ApiProperty({ enum: ['direct', 'online', 'postal'] }) channel!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableString) receivedBy!: string | null;
  @ApiProperty(nullableDate) legalDueAt!: string | null;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty() status!: number;
  @ApiProperty(nullableDate) finishedAt!: string | null;
  @ApiProperty(nullableDate) returnedAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() violation!: boolean;
  @ApiProperty({ type: [CurrentStepNameDoc] }) currentSteps!: CurrentStepNameDoc[];
}

export class ApplicantDoc {
  @ApiProperty() name!: string;
  @ApiProperty(nullableString) idNumber!: string | null;
  @ApiProperty(nullableString) phone!: string | null;
  @ApiProperty(nullableString) email!: string | null;
  @ApiProperty({ enum: ['citizen', 'organisation'] }) type!: string;
}

export class SupplementRequestNoteDoc {
  @ApiProperty(date) at!: string;
  @ApiProperty({ type: [String] }) missing!: string[];
  @ApiProperty(nullableString) note!: string | null;
}

export class ControlSheetRowDoc {
  @ApiProperty() taskId!: string;
  @ApiProperty() elementId!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) departmentName!: string | null;
  @ApiProperty(nullableString) assignee!: string | null;
  @ApiProperty(nullableString) assigneeName!: string | null;
  @ApiProperty(nullableString) fromDepartmentCode!: string | null;
  @ApiProperty(nullableString) fromAssignee!: string | null;
  @ApiProperty(date) startedAt!: string;
  @ApiProperty(nullableDate) completedAt!: string | null;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) allowanceDays!: number | null;
  @ApiProperty() counted!: boolean;
  @ApiProperty({ ...nullableString, enum: ['completed', 'returned', 'canceled'] }) outcome!: string | null;
  @ApiProperty({ type: Number, nullable: true }) usedWorkingHours!: number | null;
  @ApiProperty() waitedWorkingHours!: number;
  @ApiProperty({ ...nullableString, enum: ['early', 'on_time', 'late'] }) result!: string | null;
  @ApiProperty({ ...nullableString, description: 'The opinion written on completion, the reason of a return' }) opinion!: string | null;
  @ApiProperty({ type: [SupplementRequestNoteDoc] }) supplementRequests!: SupplementRequestNoteDoc[];
}

export class DossierEventDoc {
  @ApiProperty(date) at!: string;
  @ApiProperty({ example: 'returned', description: 'received, status, supplement_requested, supplement_received, returned, apology, refused, stopped, withdrawn, violation' }) kind!: string;
  @ApiProperty(nullableString) actor!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data!: Record<string, unknown> | null;
}

export class CurrentStepDoc {
  @ApiProperty() id!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty() elementId!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) assignee!: string | null;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty() suspended!: boolean;
}

export class HandedInDocumentDoc {
  @ApiProperty() name!: string;
  @ApiProperty(nullableString) copies!: string | null;
}

export class DossierDoc {
  @ApiProperty() code!: string;
  @ApiProperty() processInstanceId!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() procedureKey!: string;
  @ApiProperty(nullableString) procedureCode!: string | null;
  @ApiProperty(nullableString) procedureName!: string | null;
  @ApiProperty(nullableString) field!: string | null;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ type: ApplicantDoc }) applicant!: ApplicantDoc;
  @ApiProperty({ enum: ['direct', 'online', 'postal'] }) channel!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableString) receivedBy!: string | null;
  @ApiProperty(date) clockStartedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) statutoryDays!: number | null;
  @ApiProperty(nullableDate) legalDueAt!: string | null;
  @ApiProperty({ ...nullableDate, description: 'The appointment (moves with an apology; the legal due date does not)' }) dueAt!: string | null;
  @ApiProperty() status!: number;
  @ApiProperty() statusText!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty(nullableDate) waitingSince!: string | null;
  @ApiProperty(nullableDate) finishedAt!: string | null;
  @ApiProperty(nullableDate) returnedAt!: string | null;
  @ApiProperty({ ...nullableString, enum: ['early', 'on_time', 'late'] }) result!: string | null;
  @ApiProperty() apologies!: number;
  @ApiProperty() violation!: boolean;
  @ApiProperty() formVersion!: string;
  @ApiProperty({ type: [CurrentStepDoc] }) currentSteps!: CurrentStepDoc[];
  @ApiProperty({ type: [HandedInDocumentDoc] }) documents!: HandedInDocumentDoc[];
  @ApiProperty({ type: [ControlSheetRowDoc], description: 'The control sheet (form 06) as data' }) steps!: ControlSheetRowDoc[];
  @ApiProperty({ type: [DossierEventDoc] }) events!: DossierEventDoc[];
}

export class DossierComponentDoc {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ example: '01 bản chính' }) copies?: string;
}

export class ReceivableProcedureDoc {
  @ApiProperty() key!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty() procedureCode!: string;
  @ApiProperty({ type: Number, nullable: true }) statutoryDays!: number | null;
  @ApiProperty(nullableString) field!: string | null;
  @ApiProperty(nullableString) agencyCode!: string | null;
  @ApiProperty(nullableString) entryDepartmentCode!: string | null;
  @ApiProperty({ type: [DossierComponentDoc] }) components!: DossierComponentDoc[];
}

export class SupplementRequestedDoc {
  @ApiProperty() dossierCode!: string;
}

export class SupplementReceivedDoc {
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty({ description: 'Working time the applicant took, in milliseconds' }) waitedMs!: number;
}

export class ApologyResultDoc {
  @ApiProperty() code!: string;
  @ApiProperty(date) dueAt!: string;
  @ApiProperty(nullableDate) legalDueAt!: string | null;
  @ApiProperty({ description: 'Recorded before the appointment passed' }) timely!: boolean;
}

export class DossierEndedDoc {
  @ApiProperty() code!: string;
  @ApiProperty({ description: '3 refused, 7 withdrawn, 8 stopped' }) status!: number;
}

export class NotificationDoc {
  @ApiProperty() id!: string;
  @ApiProperty(date) createdAt!: string;
  @ApiProperty({ enum: ['task-overdue', 'apology-due', 'task-returned', 'supplement-requested'] }) kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableString) dossierCode!: string | null;
  @ApiProperty(nullableString) taskId!: string | null;
  @ApiProperty(nullableDate) readAt!: string | null;
}

export class OfficeHoursDoc {
  @ApiProperty({ description: '1 Monday … 7 Sunday' }) weekday!: number;
  @ApiProperty({ example: '07:30' }) from!: string;
  @ApiProperty({ example: '11:30' }) to!: string;
}

export class CalendarDayDoc {
  @ApiProperty({ example: '2027-02-13' }) date!: string;
  @ApiProperty({ enum: ['holiday', 'day_off', 'working_day'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['law', 'override'] }) source!: string;
}

export class CalendarYearDoc {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [OfficeHoursDoc] }) officeHours!: OfficeHoursDoc[];
  @ApiProperty({ type: [CalendarDayDoc] }) days!: CalendarDayDoc[];
}

export class CalendarAddDoc {
  @ApiProperty(date) from!: string;
  @ApiProperty() days!: number;
  @ApiProperty(date) dueAt!: string;
}

export class CalendarOverrideDoc {
  @ApiProperty({ example: '2027-02-13' }) date!: string;
  @ApiProperty({ enum: ['day_off', 'working_day'] }) kind!: string;
  @ApiProperty() name!: string;
}

export class ReportPeriodDoc {
  @ApiProperty({ example: '2026-06-15' }) from!: string;
  @ApiProperty({ example: '2026-09-14' }) to!: string;
  @ApiProperty({ example: 'Quý III/2026 (15/06/2026 – 14/09/2026)' }) label!: string;
  @ApiProperty(date) startsAt!: string;
  @ApiProperty(date) endsBefore!: string;
}

const FIGURES = {
  type: 'object',
  description: 'received { total, online, directOrPostal, carriedOver } · resolved { total, early, onTime, late } · inProgress { total, withinTime, overdue } · waitingForSupplement · withdrawn · stopped',
  additionalProperties: true,
} as const;

export class Ii06aRowDoc {
  @ApiProperty(nullableString) key!: string | null;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty(FIGURES) received!: object;
  @ApiProperty(FIGURES) resolved!: object;
  @ApiProperty(FIGURES) inProgress!: object;
  @ApiProperty() waitingForSupplement!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() stopped!: number;
}

export class Ii06aReportDoc {
  @ApiProperty({ type: ReportPeriodDoc }) period!: ReportPeriodDoc;
  @ApiProperty({ ...date, description: 'When "in progress: overdue" was judged: the period’s end, or now while it runs' }) asOf!: string;
  @ApiProperty({ enum: ['department', 'field'] }) groupBy!: string;
  @ApiProperty({ type: [Ii06aRowDoc] }) rows!: Ii06aRowDoc[];
  @ApiProperty(FIGURES) total!: object;
}

export class DashboardDoc {
  @ApiProperty({ type: ReportPeriodDoc }) period!: ReportPeriodDoc;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'progress, online, transparency, digitisation, electronicResult, reuse, satisfaction: { value, numerator, denominator, weight, points }' }) indices!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ points, maxPoints, score }' }) overall!: object;
}

export class ComparisonDoc {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Metrics: steps, handoffs, departments, statutoryDays, complianceCost, measured { dossiers, meanDays, p90Days, lateRate, perStep }' }) base!: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) candidate!: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) delta!: object;
}

export class SimplifiedDefinitionDoc {
  @ApiProperty({ type: 'object', description: '{ id, key, version } of the new version', additionalProperties: true }) definition!: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) removed!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) removedGateways!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) reconnected!: object[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class PublicDossierDoc {
  @ApiProperty() code!: string;
  @ApiProperty(nullableString) procedureName!: string | null;
  @ApiProperty(nullableString) agencyName!: string | null;
  @ApiProperty() status!: number;
  @ApiProperty() statusText!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty(nullableString) currentStep!: string | null;
  @ApiProperty({ description: 'The result was returned electronically: the applicant may download it with a one-time code' }) resultAvailable!: boolean;
  @ApiProperty({ description: 'The result was returned and the service not rated yet' }) mayRate!: boolean;
  @ApiProperty({ enum: ['satisfied', 'normal', 'dissatisfied'], nullable: true }) rating!: string | null;
}

export class HealthDoc {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ status: up|down, since?, reason? }' }) database!: object;
  @ApiProperty({ example: 'running' }) jobExecutor!: string;
  @ApiProperty() draining!: boolean;
  @ApiProperty() node!: string;
}

export class DeliveredDoc {
  @ApiProperty({ description: 'How many waiting instances received it' }) delivered!: number;
}

export class SignalDeliveredDoc {
  @ApiProperty({ description: 'How many waiting instances (and start events) the signal reached; 0 when nobody waits' }) delivered!: number;
}

export class OutboxMessageDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'hoSoLienThong' }) messageName!: string;
  @ApiProperty(nullableString) businessKey!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The variables the throw passes (camunda:in)' }) variables!: Record<string, unknown>;
  @ApiProperty() processInstanceId!: string;
  @ApiProperty({ description: 'The send task or message throw event that wrote it' }) elementId!: string;
  @ApiProperty(date) createdAt!: string;
  @ApiProperty(nullableDate) deliveredAt!: string | null;
}
