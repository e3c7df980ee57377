import { Controller, Get } from '@nestjs/common';
import type { OpenIncidentView } from '@onedoor/contract';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IncidentDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Engine } from '../../engine.js';
import { Roles } from '../auth/roles.decorator.js';
import { incidentStore } from '../../persistence/operations/incident-store.js';

@ApiTags('operations')
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly engine: Engine) {}

  /** Jobs that ran out of retries: what operators must look at. */
  @Get()
  @ApiOkResponse({ type: [IncidentDoc] })
  @ApiErrors(401, 403)
  @Roles('admin', 'designer', 'manager')
  list(): Promise<OpenIncidentView[]> {
    return incidentStore.listOpen(this.engine.db);
  }
}
