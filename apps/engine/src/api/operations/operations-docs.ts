import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answers of the operations console's routes (issue #20), for the OpenAPI document. */
const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const date = { type: String, format: 'date-time' } as const;
const object = (description: string) => ({ type: 'object', additionalProperties: true, description }) as const;

export class InstanceStepDoc {
  @ApiProperty() activityId!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty(nullableString) departmentCode!: string | null;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty(nullableString) assignee!: string | null;
}

export class InstanceSummaryDoc {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty() version!: number;
  @ApiProperty(nullableString) procedureName!: string | null;
  @ApiProperty({ ...nullableString, description: 'The dossier code for a dossier' }) businessKey!: string | null;
  @ApiProperty({ enum: ['active', 'completed', 'terminated'] }) state!: string;
  @ApiProperty() suspended!: boolean;
  @ApiProperty(date) startedAt!: string;
  @ApiProperty(nullableDate) endedAt!: string | null;
  @ApiProperty(nullableString) parentInstanceId!: string | null;
  @ApiProperty({ type: [InstanceStepDoc], description: 'Open steps' }) steps!: InstanceStepDoc[];
  @ApiProperty({ ...nullableDate, description: 'Earliest due date of an open step' }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'Open incidents' }) incidents!: number;
}

export class InstancePageDoc {
  @ApiProperty({ type: [InstanceSummaryDoc] }) items!: InstanceSummaryDoc[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() size!: number;
}

export class ConsoleActivityDoc {
  @ApiProperty() activityId!: string;
  @ApiProperty(nullableString) name!: string | null;
  @ApiProperty({ description: 'Tokens at this step' }) count!: number;
  @ApiProperty({ description: 'Tokens past their due date' }) overdue!: number;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty({ enum: ['overdue', 'on-time', 'none'] }) dueState!: string;
  @ApiProperty({ type: 'array', items: object('{ executionId, activityId, activityName, activityInstanceId, state, startedAt, dueAt, taskId, assignee, departmentCode }') }) tokens!: object[];
}

export class InstanceConsoleDoc {
  @ApiProperty({ type: InstanceSummaryDoc }) instance!: InstanceSummaryDoc;
  @ApiProperty({ ...object('{ code, status, dueAt, receivedAt, applicantName }'), nullable: true }) dossier!: object | null;
  @ApiProperty({ type: [ConsoleActivityDoc] }) activities!: ConsoleActivityDoc[];
  @ApiProperty(object('Variables by name')) variables!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: object('{ id, activityId, activityName, activityType, startedAt, endedAt, state, assignee, departmentCode, dueAt, taskId, outcome, endedBy, opinion }') }) history!: object[];
  @ApiProperty({ type: 'array', items: object('{ id, type, elementId, dueAt, retries, lastError, lockOwner, lockExpiresAt }') }) jobs!: object[];
  @ApiProperty({ type: 'array', items: object('{ id, type, jobId, elementId, message, createdAt, resolvedAt }') }) incidents!: object[];
  @ApiProperty({ type: 'array', items: object('Audit entries: { at, username, operation, entityType, entityId, fromState, details }') }) audit!: object[];
  @ApiProperty({ type: 'array', items: object('{ id, definitionKey, state }') }) calledInstances!: object[];
}

export class InstanceChangedDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ required: false }) state?: string;
  @ApiProperty({ required: false }) suspended?: boolean;
  @ApiProperty({ type: [String], required: false }) activeActivityIds?: string[];
  @ApiProperty({ ...nullableString, required: false }) dossierCode?: string | null;
  @ApiProperty({ type: Number, nullable: true, required: false, description: '7 withdrawn, 8 stopped (dossiers)' }) status?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Variables after the change' }) variables?: Record<string, unknown>;
}

export class IncidentRetriedDoc {
  @ApiProperty() incidentId!: string;
  @ApiProperty(nullableString) jobId!: string | null;
  @ApiProperty() retries!: number;
  @ApiProperty(date) dueAt!: string;
}

export class IncidentResolvedDoc {
  @ApiProperty() incidentId!: string;
  @ApiProperty(date) resolvedAt!: string;
}

export class DefinitionSuspensionDoc {
  @ApiProperty() id!: string;
  @ApiProperty() suspended!: boolean;
}

export class MigrationInstructionDoc {
  @ApiProperty() sourceActivityId!: string;
  @ApiProperty(nullableString) targetActivityId!: string | null;
  @ApiProperty({ enum: ['same', 'successor', 'none'] }) kind!: string;
  @ApiProperty({ ...nullableString, required: false }) sourceName?: string | null;
  @ApiProperty({ ...nullableString, required: false }) targetName?: string | null;
}

export class MigrationPlanDoc {
  @ApiProperty() sourceDefinitionId!: string;
  @ApiProperty() targetDefinitionId!: string;
  @ApiProperty({ type: [MigrationInstructionDoc] }) instructions!: MigrationInstructionDoc[];
}

export class MigrationPreviewDoc {
  @ApiProperty() total!: number;
  @ApiProperty() migratable!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: 'array', items: object('{ activityId, name, count, targetActivityId, targetName }') }) bySource!: object[];
  @ApiProperty({ type: 'array', items: object('{ activityId, name, count }') }) byTarget!: object[];
  @ApiProperty({ type: 'array', items: object('{ instanceId, businessKey, reason }') }) refusals!: object[];
}

export class MigrationStartedDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Instances in the batch' }) total!: number;
}

export class MigrationBatchDoc {
  @ApiProperty() id!: string;
  @ApiProperty() sourceDefinitionId!: string;
  @ApiProperty() targetDefinitionId!: string;
  @ApiProperty(nullableString) createdBy!: string | null;
  @ApiProperty(date) createdAt!: string;
  @ApiProperty(nullableString) reason!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() moved!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: 'array', items: object('{ instanceId, businessKey, outcome: pending|moved|refused, reason, fromActivities, toActivities, finishedAt }') }) items!: object[];
}

export class HeatMapDoc {
  @ApiProperty(object('{ id, key, version, name, suspended }')) definition!: object;
  @ApiProperty({ type: 'array', items: object('{ activityId, running, overdue, completed, meanMs, p90Ms } — times are working time (office hours of the calendar in force), in ms') }) steps!: object[];
}

export class OperationsDashboardDoc {
  @ApiProperty() definitionKey!: string;
  @ApiProperty() running!: number;
  @ApiProperty() completedToday!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() incidents!: number;
  @ApiProperty({ type: 'array', items: object('{ id, version, name, suspended, running, suspendedInstances, completedToday, overdue, incidents }') }) versions!: object[];
  @ApiProperty({ type: 'array', items: object('{ activityId, name, completed, meanMs }') }) meanPerStep!: object[];
}
