import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';

/** Officers' escalations and deadline warnings. */
@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}
