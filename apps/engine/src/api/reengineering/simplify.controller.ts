import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SimplifiedDefinitionDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { simplifyDefinition } from '../../reengineering/simplify-definition.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class SimplifyDto {
  /** The steps to remove; omitted = the steps the model flags `od:removalProposed="true"`. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true })
  removeElementIds?: string[];
}

/** Issue #7: a new version of a procedure without its unnecessary steps, flows reconnected. */
@ApiTags('re-engineering')
@Controller('api/process-definitions')
export class SimplifyController {
  constructor(private readonly engine: Engine) {}

  @Post(':id/simplify')
  @ApiCreatedResponse({ type: SimplifiedDefinitionDoc })
  @ApiErrors(400, 401, 403, 404)
  @HttpCode(201)
  @Roles('designer')
  simplify(@Param('id') id: string, @Body() body: SimplifyDto, @CurrentActor() actor: Actor) {
    return simplifyDefinition(this.engine, id, body.removeElementIds, actor);
  }
}
