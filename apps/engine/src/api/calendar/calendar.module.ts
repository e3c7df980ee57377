import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';

/** The working calendar: office hours, holidays and the administrator's overrides. */
@Module({ controllers: [CalendarController] })
export class CalendarModule {}
