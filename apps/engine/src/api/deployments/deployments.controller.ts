import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DeploymentDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../commands/command.js';
import { DeployProcedures } from '../../commands/deploy-procedures.js';
import { Engine } from '../../engine.js';
import { badInput } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { readUploadedDeployment } from './uploaded-files.js';

export class DeploymentDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(5_000_000) bpmnXml?: string;
  /** A DMN 1.3 file deployed beside the BPMN (decisions its business rule tasks evaluate). */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(5_000_000) dmnXml?: string;
}
// Documentation only, not a field of the class (a declared field would be an own property the
// whitelist refuses): the multipart form's files, read by readUploadedDeployment.
ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'multipart/form-data only: one or more .bpmn files' })(DeploymentDto.prototype, 'file');

@ApiTags('procedures')
@Controller('api/deployments')
export class DeploymentsController {
  constructor(private readonly engine: Engine) {}

  /** Multipart (`file`, one or more .bpmn and .dmn) or JSON `{ name, bpmnXml, dmnXml? }`. Only designers deploy. */
  @Post()
  @ApiCreatedResponse({ type: DeploymentDoc })
  @ApiErrors(400, 401, 403, 413)
  @HttpCode(201)
  @Roles('designer')
  @ApiConsumes('multipart/form-data', 'application/json')
  async deploy(@Req() request: FastifyRequest, @Body() json: DeploymentDto, @CurrentActor() actor: Actor) {
    const upload = await readUploadedDeployment(request);
    // A multipart request's text fields obey the same rules as the JSON body's.
    const body = upload ? multipartFields(upload.fields) : json;
    const resources = [...(upload?.files ?? [])];
    if (body.bpmnXml) resources.push({ name: `${body.name ?? 'diagram'}.bpmn`, xml: body.bpmnXml });
    if (body.dmnXml) resources.push({ name: `${body.name ?? 'decisions'}.dmn`, xml: body.dmnXml });
    if (resources.length === 0) {
      const field = upload ? 'file' : 'bpmnXml';
      throw badInput(`${field} is required`, [{ field, message: 'give a BPMN file (multipart field "file") or JSON { name, bpmnXml }' }]);
    }
    const name = body.name ?? resources[0].name.replace(/\.(bpmn|dmn)$/i, '');
    const result = await this.engine.execute(new DeployProcedures(name, resources, upload?.files.length ? 'upload' : 'json'), actor);
    return {
      id: result.id,
      name: result.name,
      deployedAt: result.deployedAt,
      processDefinitions: result.processDefinitions.map(({ id, key, version, name: n, isNew }) => ({ id, key, version, name: n, isNew })),
      decisionDefinitions: result.decisionDefinitions.map(({ id, key, version, name: n, isNew }) => ({ id, key, version, name: n, isNew })),
      warnings: result.warnings,
    };
  }
}

function multipartFields(fields: Record<string, string>): DeploymentDto {
  const dto = plainToInstance(DeploymentDto, fields);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const details = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })));
    throw badInput(details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  }
  return dto;
}
