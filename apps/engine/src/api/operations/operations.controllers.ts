import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { CancelInstance } from '../../operations/cancel-instance.js';
import { EditVariables } from '../../operations/edit-variables.js';
import { ResolveIncident, RetryIncident } from '../../operations/incidents.js';
import { ModifyInstance, type ModificationInstruction } from '../../operations/modify-instance.js';
import { OperationsQueries } from '../../queries/operations/operations-queries.js';
import { SuspendDefinition, SuspendInstance } from '../../operations/suspension.js';
import { MAX_BATCH, migrationBatch, StartMigration } from '../../operations/migration/migration-batch.js';
import type {
  HeatMap,
  IncidentResolvedView,
  IncidentRetriedView,
  InstanceCancelled,
  InstanceConsoleView,
  InstanceModified,
  InstancePageView,
  MigrationBatchView,
  MigrationPlan,
  MigrationPreview,
  MigrationStarted,
  OperationsDashboard,
  SuspensionChanged,
  VariablesEdited,
} from '@onedoor/contract';
import { proposePlan } from '../../operations/migration/migration-plan.js';
import { previewMigration } from '../../operations/migration/migration-preview.js';
import { badInput } from '../../shared/domain-error.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import {
  DefinitionSuspensionDoc,
  HeatMapDoc,
  IncidentResolvedDoc,
  IncidentRetriedDoc,
  InstanceChangedDoc,
  InstanceConsoleDoc,
  InstancePageDoc,
  MigrationBatchDoc,
  MigrationPlanDoc,
  MigrationPreviewDoc,
  MigrationStartedDoc,
  OperationsDashboardDoc,
} from './operations-docs.js';
import { definitionRows } from '../../persistence/definitions/definition-rows.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class InstanceSearchQuery {
  @IsOptional() @IsString() @MaxLength(200) definitionKey?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) version?: number;
  @IsOptional() @IsString() @MaxLength(300) definitionId?: string;
  @IsOptional() @IsIn(['active', 'completed', 'terminated']) state?: 'active' | 'completed' | 'terminated';
  /** Part of the business key: the dossier code. */
  @IsOptional() @IsString() @MaxLength(100) businessKey?: string;
  @IsOptional() @IsString() @MaxLength(50) departmentCode?: string;
  @IsOptional() @IsString() @MaxLength(200) activityId?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() withIncident?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() suspended?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) size?: number;
}

export class ReasonDto {
  /** Why: kept in the audit log. */
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class CancelInstanceDto extends ReasonDto {
  /** withdrawn: the applicant withdrew (status 7); stopped: processing stops (status 8, form 05). */
  @IsIn(['withdrawn', 'stopped']) ending!: 'withdrawn' | 'stopped';
}

export class ModificationInstructionDto {
  @IsIn(['startBeforeActivity', 'startAfterActivity', 'cancel']) type!: ModificationInstruction['type'];
  @IsOptional() @IsString() @MaxLength(200) activityId?: string;
  @IsOptional() @IsUUID() activityInstanceId?: string;
}

export class ModificationDto extends ReasonDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ModificationInstructionDto) instructions!: ModificationInstructionDto[];
}

export class VariablesEditDto extends ReasonDto {
  @IsObject() variables!: Record<string, unknown>;
}

export class PlanRequestDto {
  @IsString() @MinLength(1) @MaxLength(300) sourceDefinitionId!: string;
  /** Default: the latest version of the same procedure. */
  @IsOptional() @IsString() @MaxLength(300) targetDefinitionId?: string;
}

export class MigrationInstructionDto {
  @IsString() @MinLength(1) @MaxLength(200) sourceActivityId!: string;
  @IsOptional() @IsString() @MaxLength(200) targetActivityId?: string | null;
  @IsOptional() @IsIn(['same', 'successor', 'none']) kind?: 'same' | 'successor' | 'none';
  @IsOptional() @IsString() @MaxLength(500) sourceName?: string | null;
  @IsOptional() @IsString() @MaxLength(500) targetName?: string | null;
}

export class MigrationPlanDto {
  @IsString() @MinLength(1) @MaxLength(300) sourceDefinitionId!: string;
  @IsString() @MinLength(1) @MaxLength(300) targetDefinitionId!: string;
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => MigrationInstructionDto) instructions!: MigrationInstructionDto[];
}

export class MigrationQueryDto {
  @IsOptional() @IsString() @MaxLength(100) businessKey?: string;
  @IsOptional() @IsString() @MaxLength(200) activityId?: string;
}

export class MigrationPreviewDto {
  @IsObject() @ValidateNested() @Type(() => MigrationPlanDto) plan!: MigrationPlanDto;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_BATCH) @IsUUID('all', { each: true }) instanceIds?: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MigrationQueryDto) query?: MigrationQueryDto;
}

export class MigrationRunDto extends MigrationPreviewDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class DashboardQuery {
  @IsString() @MinLength(1) @MaxLength(200) definitionKey!: string;
}

const asPlan = (dto: MigrationPlanDto): MigrationPlan => ({
  sourceDefinitionId: dto.sourceDefinitionId,
  targetDefinitionId: dto.targetDefinitionId,
  instructions: dto.instructions.map((i) => ({ sourceActivityId: i.sourceActivityId, targetActivityId: i.targetActivityId ?? null, kind: i.kind ?? (i.targetActivityId ? (i.targetActivityId === i.sourceActivityId ? 'same' : 'successor') : 'none') })),
});

/** Midnight in Vietnam (UTC+7) of the day `now` falls in: "completed today" counts from here. */
function vietnamDayStart(now: Date): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 7 * 3_600_000);
}

/** The operations console over instances (Cockpit's): find, inspect, and put right — every change audited with its reason. */
@ApiTags('operations')
@Controller('api/process-instances')
export class InstanceOperationsController {
  constructor(
    private readonly engine: Engine,
    private readonly queries: OperationsQueries,
  ) {}

  @Get()
  @ApiOkResponse({ type: InstancePageDoc })
  @ApiErrors(400, 401, 403)
  @Roles('admin', 'manager')
  search(@Query() query: InstanceSearchQuery): Promise<InstancePageView> {
    return this.queries.search(query, this.engine.now());
  }

  @Get(':id/console')
  @ApiOkResponse({ type: InstanceConsoleDoc })
  @ApiErrors(401, 403, 404)
  @Roles('admin', 'manager')
  console(@Param('id') id: string): Promise<InstanceConsoleView> {
    return this.queries.console(id, this.engine.now());
  }

  @Post(':id/cancel')
  @ApiOkResponse({ type: InstanceChangedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  cancel(@Param('id') id: string, @Body() body: CancelInstanceDto, @CurrentActor() actor: Actor): Promise<InstanceCancelled> {
    return this.engine.execute(new CancelInstance(id, body.ending, body.reason), actor);
  }

  @Post(':id/suspend')
  @ApiOkResponse({ type: InstanceChangedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  suspend(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<SuspensionChanged> {
    return this.engine.execute(new SuspendInstance(id, true, body.reason), actor);
  }

  @Post(':id/resume')
  @ApiOkResponse({ type: InstanceChangedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  async resume(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<SuspensionChanged> {
    const resumed = await this.engine.execute(new SuspendInstance(id, false, body.reason), actor);
    this.engine.jobs.wake();
    return resumed;
  }

  /** Process instance modification: start before / after an activity, cancel an activity instance. */
  @Post(':id/modification')
  @ApiOkResponse({ type: InstanceChangedDoc })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  @HttpCode(200)
  @Roles('admin')
  modify(@Param('id') id: string, @Body() body: ModificationDto, @CurrentActor() actor: Actor): Promise<InstanceModified> {
    return this.engine.execute(new ModifyInstance(id, body.instructions as ModificationInstruction[], body.reason), actor);
  }

  @Patch(':id/variables')
  @ApiOkResponse({ type: InstanceChangedDoc })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  @Roles('admin')
  variables(@Param('id') id: string, @Body() body: VariablesEditDto, @CurrentActor() actor: Actor): Promise<VariablesEdited> {
    return this.engine.execute(new EditVariables(id, body.variables, body.reason), actor);
  }
}

@ApiTags('operations')
@Controller('api/incidents')
export class IncidentActionsController {
  constructor(private readonly engine: Engine) {}

  /** Resets the failed job's retries and makes it due now: the next poll of any one node runs it. */
  @Post(':id/retry')
  @ApiOkResponse({ type: IncidentRetriedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  async retry(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<IncidentRetriedView> {
    const retried = await this.engine.execute(new RetryIncident(id, body.reason), actor);
    this.engine.jobs.wake();
    return retried;
  }

  @Post(':id/resolve')
  @ApiOkResponse({ type: IncidentResolvedDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  resolve(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<IncidentResolvedView> {
    return this.engine.execute(new ResolveIncident(id, body.reason), actor);
  }
}

@ApiTags('operations')
@Controller('api/process-definitions')
export class ProcedureOperationsController {
  constructor(
    private readonly engine: Engine,
    private readonly queries: OperationsQueries,
  ) {}

  /** No new dossier starts on this version while suspended; running ones go on. */
  @Post(':id/suspend')
  @ApiOkResponse({ type: DefinitionSuspensionDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  suspend(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<SuspensionChanged> {
    return this.engine.execute(new SuspendDefinition(id, true, body.reason), actor);
  }

  @Post(':id/resume')
  @ApiOkResponse({ type: DefinitionSuspensionDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  @Roles('admin')
  resume(@Param('id') id: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor): Promise<SuspensionChanged> {
    return this.engine.execute(new SuspendDefinition(id, false, body.reason), actor);
  }

  /** Where this version's dossiers pile up: running and overdue per step, mean and p90 working time per step from history. */
  @Get(':id/heat-map')
  @ApiOkResponse({ type: HeatMapDoc })
  @ApiErrors(401, 403, 404)
  @Roles('admin', 'manager')
  heatMap(@Param('id') id: string): Promise<HeatMap> {
    return this.queries.heatMap(id, this.engine.now(), this.engine.services.calendar());
  }
}

@ApiTags('operations')
@Controller('api/operations')
export class OperationsDashboardController {
  constructor(
    private readonly engine: Engine,
    private readonly queries: OperationsQueries,
  ) {}

  /** A procedure at a glance: running, completed today (Vietnam time), overdue, incidents, mean time per step. */
  @Get('dashboard')
  @ApiOkResponse({ type: OperationsDashboardDoc })
  @ApiErrors(400, 401, 403, 404)
  @Roles('admin', 'manager')
  dashboard(@Query() query: DashboardQuery): Promise<OperationsDashboard> {
    const now = this.engine.now();
    return this.queries.dashboard(query.definitionKey, now, vietnamDayStart(now), this.engine.services.calendar());
  }
}

@ApiTags('operations')
@Controller('api/migrations')
export class MigrationsController {
  constructor(private readonly engine: Engine) {}

  /** Proposes a mapping of the source's steps onto the target: same id, else the successor the target keeps. */
  @Post('plan')
  @ApiOkResponse({ type: MigrationPlanDoc })
  @ApiErrors(400, 401, 403)
  @HttpCode(200)
  @Roles('admin')
  async plan(@Body() body: PlanRequestDto): Promise<MigrationPlan> {
    const defs = this.engine.services.definitions;
    return this.engine.db.transaction(async (sql) => {
      const sourceKey = await definitionRows.keyOf(sql, body.sourceDefinitionId);
      if (!sourceKey) throw badInput('sourceDefinitionId names no deployed version', [{ field: 'sourceDefinitionId', message: 'a process definition id' }]);
      const targetId = body.targetDefinitionId ?? (await definitionRows.latestIdOf(sql, sourceKey));
      if (!(await definitionRows.exists(sql, targetId))) throw badInput('targetDefinitionId names no deployed version', [{ field: 'targetDefinitionId', message: 'a process definition id' }]);
      return proposePlan(await defs.byId(sql, body.sourceDefinitionId), await defs.byId(sql, targetId));
    });
  }

  /** Counts where the selected instances (default: every running one of the source) would land. */
  @Post('preview')
  @ApiOkResponse({ type: MigrationPreviewDoc })
  @ApiErrors(400, 401, 403)
  @HttpCode(200)
  @Roles('admin')
  preview(@Body() body: MigrationPreviewDto): Promise<MigrationPreview> {
    return previewMigration(this.engine.db, this.engine.services.definitions, asPlan(body.plan), { instanceIds: body.instanceIds, query: body.query });
  }

  /** Starts a batch run by the job executors; follow it with GET /api/migrations/{id}. */
  @Post()
  @ApiOkResponse({ type: MigrationStartedDoc })
  @ApiErrors(400, 401, 403)
  @HttpCode(202)
  @Roles('admin')
  async run(@Body() body: MigrationRunDto, @CurrentActor() actor: Actor): Promise<MigrationStarted> {
    const started = await this.engine.execute(new StartMigration(asPlan(body.plan), { instanceIds: body.instanceIds, query: body.query }, body.reason), actor);
    this.engine.jobs.wake();
    return started;
  }

  @Get(':id')
  @ApiOkResponse({ type: MigrationBatchDoc })
  @ApiErrors(401, 403, 404)
  @Roles('admin')
  batch(@Param('id') id: string): Promise<MigrationBatchView> {
    return migrationBatch(this.engine.db, id);
  }
}

export const operationsControllers = [InstanceOperationsController, IncidentActionsController, ProcedureOperationsController, OperationsDashboardController, MigrationsController];
