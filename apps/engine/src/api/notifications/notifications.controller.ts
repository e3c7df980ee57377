import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotificationDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import type { Actor } from '../../commands/command.js';
import { Engine } from '../../engine.js';
import { hasRole } from '../../identity/task-access.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';

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
    return this.engine.db.query(
      `SELECT id, created_at AS "createdAt", kind, message, department_code AS "departmentCode", dossier_code AS "dossierCode",
              task_id AS "taskId", read_at AS "readAt"
       FROM notification
       WHERE ($1 OR department_code = $2 OR department_code = (SELECT parent_code FROM department WHERE code = $2)
              OR recipient = $3)
         AND (recipient_role IS NULL OR recipient_role = ANY($4::text[]) OR $1)
       ORDER BY created_at DESC LIMIT 200`,
      [all, actor.departmentCode ?? null, actor.username, actor.roles],
    );
  }

  @Post(':id/read')
  @ApiNoContentResponse({ description: 'Marked as read' })
  @ApiErrors(401)
  @HttpCode(204)
  async read(@Param('id') id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    await this.engine.db.query(`UPDATE notification SET read_at = now() WHERE id = $1 AND read_at IS NULL`, [id]);
  }
}
