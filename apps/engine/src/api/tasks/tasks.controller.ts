import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReturnResultDoc, TaskDoc, TaskFormDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AssignTask } from '../../commands/assign-task.js';
import { ClaimTask, UnclaimTask } from '../../commands/claim-task.js';
import type { Actor } from '../../commands/command.js';
import { CompleteTask } from '../../commands/complete-task.js';
import { ReturnTask } from '../../commands/return-task.js';
import { Engine } from '../../engine.js';
import { TaskFormQuery } from '../../queries/forms/task-form-query.js';
import { TaskQueries } from '../../queries/task-queries.js';
import { taskAccess } from '../../identity/task-access.js';
import { forbidden, notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';

const bool = ({ value }: { value: unknown }) => value === 'true' || value === true;

export class TaskListQuery {
  @IsOptional() @Transform(bool) @IsBoolean() mine?: boolean;
  @IsOptional() @Transform(bool) @IsBoolean() candidate?: boolean;
  @IsOptional() @Transform(bool) @IsBoolean() overdue?: boolean;
  @IsOptional() @IsUUID() processInstanceId?: string;
  @IsOptional() @IsString() @MaxLength(100) departmentCode?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) size?: number;
}

export class CompleteDto {
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
  /** The officer's opinion on the step (ý kiến), kept in the control sheet. */
  @IsOptional() @IsString() @MaxLength(4000) opinion?: string;
}

export class AssignDto {
  @IsString() @MinLength(1) @MaxLength(100) username!: string;
}

export class ReturnDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

@ApiTags('tasks')
@Controller('api/tasks')
export class TasksController {
  constructor(
    private readonly engine: Engine,
    private readonly tasks: TaskQueries,
    private readonly forms: TaskFormQuery,
  ) {}

  /**
   * The inbox: an officer sees their department's tasks for the roles they hold, a leader the
   * whole department's. `mine` = claimed by me, `candidate` = nobody's yet; sorted by due time.
   * The body is the list (docs/api.md); paging is in the X-Total-Count header.
   */
  @Get()
  @ApiOkResponse({ type: [TaskDoc], description: 'Sorted by due time; the number of matches is in X-Total-Count' })
  @ApiErrors(400, 401, 403)
  async list(@Query() q: TaskListQuery, @CurrentActor() actor: Actor) {
    const scope = taskAccess.scopeFor(actor);
    if (!scope) throw forbidden('only officers, leaders and admins have an inbox');
    const size = q.size ?? 50;
    const { items } = await this.tasks.list({
      scope,
      assignee: q.mine ? actor.username : undefined,
      unassigned: q.candidate && !q.mine ? true : undefined,
      overdue: q.overdue,
      processInstanceId: q.processInstanceId,
      departmentCode: q.departmentCode,
      now: this.engine.now(),
      limit: size,
      offset: ((q.page ?? 1) - 1) * size,
    });
    return items;
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskDoc })
  @ApiErrors(401, 404)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const task = await this.tasks.get(id, this.engine.now());
    if (!taskAccess.canSee(actor, task)) throw notFound('Task', id);
    return task;
  }

  /** The step's form: fields (with current values and the officers a pick may name), the decision, and where a return would go. */
  @Get(':id/form')
  @ApiOkResponse({ type: TaskFormDoc })
  @ApiErrors(401, 404)
  async form(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const task = await this.tasks.get(id, this.engine.now());
    if (!taskAccess.canSee(actor, task)) throw notFound('Task', id);
    return this.forms.load(task);
  }

  @Post(':id/claim')
  @ApiNoContentResponse({ description: 'Claimed' })
  @ApiErrors(401, 403, 404, 409)
  @HttpCode(204)
  async claim(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.engine.execute(new ClaimTask(id), actor);
  }

  @Post(':id/unclaim')
  @ApiNoContentResponse({ description: 'Back in the department’s list' })
  @ApiErrors(401, 403, 404, 409)
  @HttpCode(204)
  async unclaim(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.engine.execute(new UnclaimTask(id), actor);
  }

  @Post(':id/assign')
  @ApiNoContentResponse({ description: 'Assigned' })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(204)
  async assign(@Param('id') id: string, @Body() body: AssignDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.engine.execute(new AssignTask(id, body.username), actor);
  }

  @Post(':id/complete')
  @ApiNoContentResponse({ description: 'Completed; the dossier moved on to its next steps' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  @HttpCode(204)
  async complete(@Param('id') id: string, @Body() body: CompleteDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.engine.execute(new CompleteTask(id, body.variables ?? {}, { opinion: body.opinion }), actor);
  }

  @Post(':id/return')
  @ApiOkResponse({ type: ReturnResultDoc })
  @ApiErrors(400, 401, 403, 404, 409)
  @HttpCode(200)
  async return(@Param('id') id: string, @Body() body: ReturnDto, @CurrentActor() actor: Actor) {
    return this.engine.execute(new ReturnTask(id, body.reason), actor);
  }
}
