/** The data a working calendar is built from; the shape of `GET /api/calendar` (docs/api.md). */

/** Office hours of one weekday interval; a weekday may have several (morning and afternoon). */
export interface OfficeHours {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Local time of day, 'HH:MM'. */
  from: string;
  /** Local time of day, 'HH:MM' (exclusive; '24:00' allowed). */
  to: string;
}

export type DayKind = 'holiday' | 'day_off' | 'working_day';
export type DaySource = 'law' | 'override';

/** One row of the yearly calendar table that administrators edit. */
export interface CalendarDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: DayKind;
  name: string;
  source: DaySource;
}

export interface CalendarConfig {
  /** Default: Monday–Friday 07:30–11:30 and 13:00–17:00. */
  officeHours?: readonly OfficeHours[];
  /**
   * Law days and overrides. A year with at least one `law` row uses exactly those rows as its
   * law days; a year without any gets them computed (see WorkingCalendarOptions.lawHolidays).
   * An override wins over a law row of the same date.
   */
  days?: readonly CalendarDay[];
  /** Length of one working day of allowance, in hours. Default 8. */
  hoursPerDay?: number;
}

/** Administrative procedures run on the civil-service week: Mon–Fri, 8 hours. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = Object.freeze(
  [1, 2, 3, 4, 5].flatMap((weekday) => [
    Object.freeze({ weekday, from: '07:30', to: '11:30' }),
    Object.freeze({ weekday, from: '13:00', to: '17:00' }),
  ]),
);

export const DEFAULT_HOURS_PER_DAY = 8;

/** `GET /api/calendar?year=` response body. */
export interface CalendarYearDescription {
  year: number;
  officeHours: OfficeHours[];
  days: CalendarDay[];
}
