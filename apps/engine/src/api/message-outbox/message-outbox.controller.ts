import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.js';
import { OutboxMessageDoc } from '../openapi/responses.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { MessageOutbox } from '../../queries/message-outbox.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class OutboxQueryDto {
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() pending?: boolean;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(500) limit?: number;
}

@ApiTags('instances')
@Controller('api/message-outbox')
export class MessageOutboxController {
  constructor(
    private readonly engine: Engine,
    private readonly outbox: MessageOutbox,
  ) {}

  /** Messages sent to other agencies' systems, oldest first (`pending=true`: not yet acknowledged). */
  @Get()
  @ApiOkResponse({ type: [OutboxMessageDoc] })
  @ApiErrors(400, 401, 403)
  @Roles('admin')
  list(@Query() query: OutboxQueryDto) {
    return this.outbox.list({ pending: query.pending ?? true, limit: query.limit ?? 100 });
  }

  /** The integration delivered the message: 204 (again: still 204). */
  @Post(':id/delivered')
  @ApiNoContentResponse({ description: 'Marked delivered (or already was)' })
  @ApiErrors(401, 403, 404)
  @HttpCode(204)
  @Roles('admin')
  async delivered(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.outbox.acknowledge(id, actor.username, this.engine.now());
  }
}
