import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotificationDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { hasRole } from '../../identity/task-access.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { notificationStore } from '../../persistence/notifications/notification-store.js';

@ApiTags('tasks')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly engine: Engine) {}

  /** Escalations and deadline warnings for my department and role (leaders see their department's). */
  @Get()
  @ApiOkResponse({ type: [NotificationDoc] })
  @ApiErrors(401)
  list(@CurrentActor() actor: Actor) {
    const all = hasRole(actor, 'admin');
    return notificationStore.list(this.engine.db, { all, departmentCode: actor.departmentCode ?? null, username: actor.username, roles: actor.roles });
  }

  @Post(':id/read')
  @ApiNoContentResponse({ description: 'Marked as read' })
  @ApiErrors(401)
  @HttpCode(204)
  async read(@Param('id') id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    await notificationStore.markRead(this.engine.db, id);
  }
}
