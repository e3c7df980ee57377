import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IncidentDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Engine } from '../../engine.js';
import { Roles } from '../auth/roles.decorator.js';

@ApiTags('operations')
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly engine: Engine) {}

  /** Jobs that ran out of retries: what operators must look at. */
  @Get()
  @ApiOkResponse({ type: [IncidentDoc] })
  @ApiErrors(401, 403)
  @Roles('admin', 'designer', 'manager')
  list() {
    return this.engine.db.query(
      `SELECT id, type, job_id AS "jobId", instance_id AS "processInstanceId", element_id AS "elementId",
              definition_id AS "definitionId", message, created_at AS "createdAt"
       FROM incident WHERE resolved_at IS NULL ORDER BY created_at DESC LIMIT 500`,
    );
  }
}
