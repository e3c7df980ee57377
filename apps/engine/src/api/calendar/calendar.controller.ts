import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarAddDoc, CalendarOverrideDoc, CalendarYearDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CalendarService } from '../../persistence/calendar/calendar-service.js';
import type { Actor } from '../../commands/command.js';
import { notFound } from '../../shared/domain-error.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';

export class YearQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class AddQuery {
  @Type(() => Date) @IsDate() from!: Date;
  @Type(() => Number) @IsNumber() @Min(0) @Max(3650) days!: number;
}

export class OverrideDto {
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date is YYYY-MM-DD' }) date!: string;
  @IsIn(['holiday', 'day_off', 'working_day']) kind!: 'holiday' | 'day_off' | 'working_day';
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
}

@ApiTags('calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The year as the engine counts it: office hours and every non-ordinary day (law and overrides). */
  @Get()
  @ApiOkResponse({ type: CalendarYearDoc })
  @ApiErrors(400, 401)
  year(@Query() q: YearQuery) {
    return this.calendar.current().describeYear(q.year ?? new Date().getUTCFullYear());
  }

  /** Pure working-time addition (no cut-off rule). */
  @Get('add')
  @ApiOkResponse({ type: CalendarAddDoc })
  @ApiErrors(400, 401)
  add(@Query() q: AddQuery) {
    return { from: q.from, days: q.days, dueAt: this.calendar.current().addWorkingDays(q.from, q.days) };
  }

  @Get('overrides')
  @ApiOkResponse({ type: [CalendarOverrideDoc] })
  @ApiErrors(400, 401)
  overrides(@Query() q: YearQuery) {
    return this.calendar.overrides(q.year);
  }

  @Post('overrides')
  @ApiCreatedResponse({ type: CalendarOverrideDoc })
  @ApiErrors(400, 401, 403)
  @HttpCode(201)
  @Roles('admin')
  async setOverride(@Body() body: OverrideDto, @CurrentActor() actor: Actor) {
    await this.calendar.setOverride(body, actor.username);
    return body;
  }

  @Delete('overrides/:date')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 401, 403)
  @HttpCode(204)
  @Roles('admin')
  async removeOverride(@Param('date') date: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !(await this.calendar.removeOverride(date))) throw notFound('Calendar override', date);
  }
}
