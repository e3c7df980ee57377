import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.js';
import { SignalDeliveredDoc } from '../openapi/responses.js';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class SignalDto {
  @IsString() @MinLength(1) @MaxLength(200) signalName!: string;
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
}

@ApiTags('instances')
@Controller('api/signals')
export class SignalsController {
  constructor(private readonly engine: Engine) {}

  /**
   * Broadcasts a signal to every instance waiting for it (catch, boundary, event sub-process and
   * start events): a rule change that concerns every open dossier. 200 `{ delivered }`, 0 when
   * nobody waits.
   */
  @Post()
  @ApiOkResponse({ type: SignalDeliveredDoc })
  @ApiErrors(400, 401, 403)
  @HttpCode(200)
  @Roles('admin', 'manager', 'leader')
  async broadcast(@Body() body: SignalDto, @CurrentActor() actor: Actor): Promise<{ delivered: number }> {
    return this.engine.broadcastSignal(body.signalName, body.variables ?? {}, actor);
  }
}
