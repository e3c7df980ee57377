import type { OfficeHours } from './calendar-config.js';
import { daySchedule, type DaySchedule } from './day-schedule.js';
import { parseClock } from './local-time.js';

/** The agency's week: the schedule of each weekday, and the one a make-up working day uses. */
export interface WeeklyHours {
  /** Indexed by weekday, 0 = Sunday. */
  readonly regular: readonly DaySchedule[];
  /** Indexed by weekday: the hours of a `working_day` row falling on that weekday. */
  readonly makeUp: readonly DaySchedule[];
}

const MONDAY = 1;

export function weeklyHours(officeHours: readonly OfficeHours[]): WeeklyHours {
  const intervals: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  for (const hours of officeHours) {
    if (!Number.isInteger(hours.weekday) || hours.weekday < 0 || hours.weekday > 6) {
      throw new RangeError(`Office hours weekday must be 0..6, got ${hours.weekday}`);
    }
    const open = parseClock(hours.from);
    const close = parseClock(hours.to);
    if (open >= close) throw new RangeError(`Office hours ${hours.from}–${hours.to} are empty`);
    intervals[hours.weekday].push([open, close]);
  }
  const regular = intervals.map(daySchedule);
  // A make-up Saturday is worked "as a normal weekday": Monday's hours, unless the agency
  // already opens that weekday (e.g. Saturday-morning desks), or failing Monday any weekday.
  const normalWeekday =
    [MONDAY, 2, 3, 4, 5].map((weekday) => regular[weekday]).find((day) => day.total > 0) ??
    regular[MONDAY];
  const makeUp = regular.map((day) => (day.total > 0 ? day : normalWeekday));
  return Object.freeze({ regular: Object.freeze(regular), makeUp: Object.freeze(makeUp) });
}
