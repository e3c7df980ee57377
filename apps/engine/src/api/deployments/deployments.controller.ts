import { Body, Controller, Headers, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { DeployProcedures } from '../../commands/deploy-procedures.js';
import { Engine } from '../../engine.js';
import { badInput } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class DeploymentDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(5_000_000) bpmnXml?: string;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;

@ApiTags('procedures')
@Controller('api/deployments')
export class DeploymentsController {
  constructor(private readonly engine: Engine) {}

  /** Multipart (`file`, one or more .bpmn) or JSON `{ name, bpmnXml }`. Only designers deploy. */
  @Post()
  @HttpCode(201)
  @Roles('designer')
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(FilesInterceptor('file', 20, { limits: { fileSize: MAX_FILE_BYTES } }))
  async deploy(
    @UploadedFiles() files: { originalname: string; buffer: Buffer }[] | undefined,
    @Body() body: DeploymentDto,
    @Headers('content-type') contentType: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    const resources = (files ?? []).map((f) => ({ name: f.originalname, xml: f.buffer.toString('utf8') }));
    if (body.bpmnXml) resources.push({ name: `${body.name ?? 'diagram'}.bpmn`, xml: body.bpmnXml });
    if (resources.length === 0) {
      const field = contentType?.startsWith('multipart/') ? 'file' : 'bpmnXml';
      throw badInput(`${field} is required`, [{ field, message: 'give a BPMN file (multipart field "file") or JSON { name, bpmnXml }' }]);
    }
    const name = body.name ?? resources[0].name.replace(/\.bpmn$/i, '');
    const result = await this.engine.execute(new DeployProcedures(name, resources, files?.length ? 'upload' : 'json'), actor);
    return {
      id: result.id,
      name: result.name,
      deployedAt: result.deployedAt,
      processDefinitions: result.processDefinitions.map(({ id, key, version, name: n, isNew }) => ({ id, key, version, name: n, isNew })),
      warnings: result.warnings,
    };
  }
}
