import type { CalendarDay } from './calendar-config.js';
import { CLOSED_DAY, type DaySchedule } from './day-schedule.js';
import { dayNumberOfLocalDate, weekdayOf } from './local-time.js';
import type { WeeklyHours } from './weekly-hours.js';

/**
 * One local calendar year resolved to a schedule per day, so that working-time arithmetic is
 * an array read per day instead of rule evaluation.
 */
export interface CalendarYear {
  readonly year: number;
  /** Day number of 1 January. */
  readonly firstDay: number;
  /** Day number of 1 January of the next year. */
  readonly endDay: number;
  /** Indexed by day number − firstDay. */
  readonly schedules: readonly DaySchedule[];
  /** The effective rows (an override replaces the law row of its date), sorted by date. */
  readonly days: readonly CalendarDay[];
}

const KINDS = new Set(['holiday', 'day_off', 'working_day']);

export function calendarYear(
  year: number,
  lawDays: readonly CalendarDay[],
  overrides: readonly CalendarDay[],
  hours: WeeklyHours,
): CalendarYear {
  const firstDay = dayNumberOfLocalDate(`${String(year).padStart(4, '0')}-01-01`);
  const endDay = dayNumberOfLocalDate(`${String(year + 1).padStart(4, '0')}-01-01`);
  const effective = new Map<number, CalendarDay>();
  for (const row of [...lawDays, ...overrides]) {
    const day = dayNumberOfLocalDate(row.date);
    if (day < firstDay || day >= endDay) {
      throw new RangeError(`Calendar row ${row.date} does not belong to year ${year}`);
    }
    if (!KINDS.has(row.kind)) throw new RangeError(`Unknown day kind "${row.kind}" on ${row.date}`);
    effective.set(day, row);
  }

  const schedules: DaySchedule[] = new Array(endDay - firstDay);
  for (let day = firstDay; day < endDay; day += 1) {
    const weekday = weekdayOf(day);
    const row = effective.get(day);
    schedules[day - firstDay] =
      row === undefined
        ? hours.regular[weekday]
        : row.kind === 'working_day'
          ? hours.makeUp[weekday]
          : CLOSED_DAY;
  }
  const days = [...effective.entries()].sort(([a], [b]) => a - b).map(([, row]) => ({ ...row }));
  return Object.freeze({
    year,
    firstDay,
    endDay,
    schedules: Object.freeze(schedules),
    days: Object.freeze(days),
  });
}
