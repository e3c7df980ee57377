import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DefinitionXmlDoc, ProcessDefinitionDoc, StartedInstanceDoc, StepsDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { StartInstance } from '../../commands/start-instance.js';
import { idempotent } from '../../commands/idempotent.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../idempotency-key.decorator.js';
import { Engine } from '../../engine.js';
import { DefinitionQueries } from '../../queries/definition-queries.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class DefinitionListQuery {
  @IsOptional() @IsString() @MaxLength(200) key?: string;
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() latest?: boolean;
}

export class StartDto {
  @IsOptional() @IsString() @MaxLength(200) businessKey?: string;
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

@ApiTags('procedures')
@Controller('api/process-definitions')
export class ProcessDefinitionsController {
  constructor(
    private readonly engine: Engine,
    private readonly definitions: DefinitionQueries,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ProcessDefinitionDoc] })
  @ApiErrors(400, 401)
  list(@Query() query: DefinitionListQuery) {
    return this.definitions.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProcessDefinitionDoc })
  @ApiErrors(401, 404)
  get(@Param('id') id: string) {
    return this.definitions.get(id);
  }

  @Get(':id/xml')
  @ApiOkResponse({ type: DefinitionXmlDoc })
  @ApiErrors(401, 404)
  xml(@Param('id') id: string) {
    return this.definitions.xml(id);
  }

  @Get(':id/steps')
  @ApiOkResponse({ type: StepsDoc, description: 'The steps as published, in flow order, and the statutory total' })
  @ApiErrors(401, 404)
  steps(@Param('id') id: string) {
    return this.definitions.steps(id);
  }

  /** Start the latest version of a procedure: reception desks and integrations. */
  @Post('key/:key/start')
  @ApiCreatedResponse({ type: StartedInstanceDoc })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @HttpCode(201)
  @Roles('officer', 'leader', 'admin', 'designer')
  async start(@Param('key') key: string, @Body() body: StartDto, @CurrentActor() actor: Actor, @IdempotencyKey() idempotencyKey?: string) {
    const command = new StartInstance({ key }, body.businessKey ?? null, body.variables ?? {});
    return this.engine.execute(idempotent(idempotencyKey, { start: key, body }, command), actor);
  }
}
