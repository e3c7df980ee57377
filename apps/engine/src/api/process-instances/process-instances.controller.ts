import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ActivityHistoryDoc, ProcessInstanceDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { assertMaySeeInstance } from '../../persistence/identity/instance-access.js';
import { InstanceQueries } from '../../queries/instance-queries.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';

@ApiTags('instances')
@Controller('api/process-instances')
export class ProcessInstancesController {
  constructor(
    private readonly engine: Engine,
    private readonly organisation: Organisation,
    private readonly instances: InstanceQueries,
  ) {}

  @Get(':id')
  @ApiOkResponse({ type: ProcessInstanceDoc })
  @ApiErrors(401, 404)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const instance = await this.instances.get(id);
    await assertMaySeeInstance(this.engine.db, this.organisation, actor, id);
    return instance;
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [ActivityHistoryDoc] })
  @ApiErrors(401, 404)
  async history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const history = await this.instances.history(id);
    await assertMaySeeInstance(this.engine.db, this.organisation, actor, id);
    return history;
  }
}
