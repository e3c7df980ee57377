import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { CorrelateMessage } from '../../commands/correlate-message.js';
import { Engine } from '../../engine.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class MessageDto {
  @IsString() @MinLength(1) @MaxLength(200) messageName!: string;
  @IsOptional() @IsString() @MaxLength(200) businessKey?: string;
  @IsOptional() @IsUUID() processInstanceId?: string;
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

@ApiTags('instances')
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly engine: Engine) {}

  /** Inter-agency replies and applicants' actions arrive as messages: 204, or 404 when nobody waits. */
  @Post()
  @ApiNoContentResponse({ description: 'Delivered to the waiting instance' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  @HttpCode(204)
  @Roles('officer', 'leader', 'admin')
  async correlate(@Body() body: MessageDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.engine.execute(new CorrelateMessage(body.messageName, body.businessKey ?? null, body.processInstanceId ?? null, body.variables ?? {}), actor);
  }
}
