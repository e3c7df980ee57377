import {
  DEFAULT_HOURS_PER_DAY,
  DEFAULT_OFFICE_HOURS,
  type CalendarConfig,
  type CalendarDay,
  type CalendarYearDescription,
  type DayKind,
  type OfficeHours,
} from './calendar-config.js';
import { calendarYear, type CalendarYear } from './calendar-year.js';
import type { DaySchedule } from './day-schedule.js';
import {
  DAY_MS,
  dayNumberOf,
  dayNumberOfLocalDate,
  dayStartOf,
  parseClock,
  yearOfDayNumber,
} from './local-time.js';
import { classifyTimeliness, type Timeliness } from './timeliness.js';
import { vietnamHolidays } from './vietnam-holidays.js';
import { weeklyHours, type WeeklyHours } from './weekly-hours.js';

export interface WorkingCalendarOptions {
  /** Law days of a year the config has no `law` rows for. Default: vietnamHolidays. */
  lawHolidays?: (year: number) => readonly CalendarDay[];
}

export interface CalendarOverride {
  date: string;
  kind: DayKind;
  name?: string;
}

export interface VietnamCalendarOptions {
  /** Years to resolve up front; any other year is computed from the law on first use. */
  years?: readonly number[];
  /** The agency's or the government's yearly changes; they win over the law. */
  overrides?: readonly CalendarOverride[];
  officeHours?: readonly OfficeHours[];
  hoursPerDay?: number;
}

const HOUR_MS = 3_600_000;
/** A calendar with no opening in two years is a configuration error, not a long wait. */
const MAX_CLOSED_DAYS = 731;

/**
 * Working-time arithmetic for one agency: office hours, minus holidays and days off, plus
 * make-up working days, in Vietnam local time. Instants are `Date`s; local dates 'YYYY-MM-DD'.
 *
 * Working time is the union of half-open intervals [open, close): an opening instant is
 * working time, a closing instant is not — but an amount used up exactly at a closing time
 * ends there (0.5 day from Monday 07:30 is Monday 11:30, not 13:00).
 */
export class WorkingCalendar {
  readonly hoursPerDay: number;
  private readonly msPerWorkingDay: number;
  private readonly officeHours: readonly OfficeHours[];
  private readonly hours: WeeklyHours;
  private readonly lawRows = new Map<number, CalendarDay[]>();
  private readonly overrideRows = new Map<number, CalendarDay[]>();
  private readonly lawHolidays: (year: number) => readonly CalendarDay[];
  private readonly years = new Map<number, CalendarYear>();
  /** The year of the previous lookup: almost every lookup hits it again. */
  private current: CalendarYear | undefined;
  private readonly cutoffs = new Map<string, number>();

  constructor(config: CalendarConfig = {}, options: WorkingCalendarOptions = {}) {
    const hoursPerDay = config.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
    if (!(hoursPerDay > 0 && hoursPerDay <= 24)) {
      throw new RangeError(`hoursPerDay must be in (0, 24], got ${hoursPerDay}`);
    }
    this.hoursPerDay = hoursPerDay;
    this.msPerWorkingDay = hoursPerDay * HOUR_MS;
    this.officeHours = (config.officeHours ?? DEFAULT_OFFICE_HOURS).map((h) => ({ ...h }));
    this.hours = weeklyHours(this.officeHours);
    this.lawHolidays = options.lawHolidays ?? vietnamHolidays;
    for (const row of config.days ?? []) {
      if (row.source !== 'override' && row.source !== 'law') {
        throw new RangeError(`Unknown day source "${row.source}" on ${row.date}`);
      }
      const year = yearOfDayNumber(dayNumberOfLocalDate(row.date));
      const rows = row.source === 'override' ? this.overrideRows : this.lawRows;
      const list = rows.get(year) ?? [];
      list.push({ ...row });
      rows.set(year, list);
    }
  }

  /**
   * The law's holidays (vietnamHolidays) for every year touched, plus the overrides. `years` are
   * resolved up front; any other year is computed on first use. Overrides apply on their dates,
   * whichever year they fall in.
   */
  static vietnam(options: VietnamCalendarOptions = {}): WorkingCalendar {
    const overrides: CalendarDay[] = (options.overrides ?? []).map((o) => ({
      date: o.date,
      kind: o.kind,
      name: o.name ?? '',
      source: 'override',
    }));
    const calendar = new WorkingCalendar({
      officeHours: options.officeHours,
      hoursPerDay: options.hoursPerDay,
      days: overrides,
    });
    for (const year of options.years ?? []) calendar.calendarYear(year);
    return calendar;
  }

  isWorkingTime(instant: Date): boolean {
    const ms = checked(instant);
    const day = dayNumberOf(ms);
    const t = ms - dayStartOf(day);
    const { bounds } = this.schedule(day);
    for (let i = 0; i < bounds.length; i += 2) {
      if (t >= bounds[i] && t < bounds[i + 1]) return true;
    }
    return false;
  }

  /** Whether a local date has any working time. */
  isWorkingDay(date: string): boolean {
    return this.schedule(dayNumberOfLocalDate(date)).total > 0;
  }

  /** The instant itself when it is working time, else the next opening. */
  nextOpening(instant: Date): Date {
    return new Date(this.addMs(checked(instant), 0));
  }

  /**
   * `ms` of working time after `from`. Adding 0 gives `nextOpening(from)`: `from` itself when it
   * is working time, else the next opening (a closing instant is not working time). Amounts are
   * rounded to whole milliseconds.
   */
  addWorkingTime(from: Date, ms: number): Date {
    return new Date(this.addMs(checked(from), checkedAmount(ms)));
  }

  /** `days` × hoursPerDay of working time; decimals allowed (0.25 day = 2 h with 8-hour days). */
  addWorkingDays(from: Date, days: number): Date {
    return new Date(this.addMs(checked(from), checkedAmount(days * this.msPerWorkingDay)));
  }

  /** Working time in [a, b), in ms; 0 when b <= a. */
  workingTimeBetween(a: Date, b: Date): number {
    return this.betweenMs(checked(a), checked(b));
  }

  workingDaysBetween(a: Date, b: Date): number {
    return this.betweenMs(checked(a), checked(b)) / this.msPerWorkingDay;
  }

  /**
   * Due instant of a dossier. The clock starts at `receivedAt` when that is working time at or
   * before the cut-off; received strictly after the cut-off, or when the next opening is after
   * it, the clock starts at the next working day's opening; received outside working time
   * (night, weekend, lunch break), at the next opening. Then `statutoryDays` are added.
   */
  dossierDueAt(receivedAt: Date, statutoryDays: number, cutoff = '15:00'): Date {
    const received = checked(receivedAt);
    const amount = checkedAmount(statutoryDays * this.msPerWorkingDay);
    const receivedDay = dayNumberOf(received);
    let start = this.addMs(received, 0);
    const timeOfDay = start - dayStartOf(receivedDay);
    // An opening on a later day is already the next working day's opening.
    if (timeOfDay < DAY_MS && timeOfDay > this.cutoffMs(cutoff)) {
      start = this.addMs(dayStartOf(receivedDay + 1), 0);
    }
    return new Date(this.addMs(start, amount));
  }

  /** Early / on time / late: the single definition, see classifyTimeliness. */
  classify(finishedAt: Date, dueAt: Date): Timeliness {
    return classifyTimeliness(finishedAt, dueAt);
  }

  /** The `GET /api/calendar?year=` body: office hours and the effective rows of the year. */
  describeYear(year: number): CalendarYearDescription {
    return {
      year,
      officeHours: [...this.officeHours]
        .sort((a, b) => a.weekday - b.weekday || parseClock(a.from) - parseClock(b.from))
        .map((h) => ({ ...h })),
      days: this.calendarYear(year).days.map((row) => ({ ...row })),
    };
  }

  private addMs(fromMs: number, amount: number): number {
    let day = dayNumberOf(fromMs);
    let t = fromMs - dayStartOf(day);
    let remaining = amount;
    let closedDays = 0;
    for (;;) {
      const { bounds, total } = this.schedule(day);
      if (total > 0) {
        closedDays = 0;
        if (t <= bounds[0] && remaining > total) {
          // The whole day is consumed: the common case, one subtraction per day.
          remaining -= total;
        } else {
          for (let i = 0; i < bounds.length; i += 2) {
            const close = bounds[i + 1];
            if (t >= close) continue;
            const start = t > bounds[i] ? t : bounds[i];
            // `<=`: an amount used up exactly at a closing time ends at that closing time.
            if (remaining <= close - start) return dayStartOf(day) + start + remaining;
            remaining -= close - start;
          }
        }
      } else if (++closedDays > MAX_CLOSED_DAYS) {
        throw new RangeError('The working calendar has no working time in two years');
      }
      day += 1;
      t = 0;
    }
  }

  private betweenMs(aMs: number, bMs: number): number {
    if (bMs <= aMs) return 0;
    const firstDay = dayNumberOf(aMs);
    const lastDay = dayNumberOf(bMs);
    let sum = 0;
    for (let day = firstDay; day <= lastDay; day += 1) {
      const { bounds, total } = this.schedule(day);
      if (total === 0) continue;
      const from = day === firstDay ? aMs - dayStartOf(day) : 0;
      const to = day === lastDay ? bMs - dayStartOf(day) : DAY_MS;
      if (from <= bounds[0] && to >= bounds[bounds.length - 1]) {
        sum += total;
        continue;
      }
      for (let i = 0; i < bounds.length; i += 2) {
        const overlap = Math.min(bounds[i + 1], to) - Math.max(bounds[i], from);
        if (overlap > 0) sum += overlap;
      }
    }
    return sum;
  }

  private schedule(day: number): DaySchedule {
    let year = this.current;
    if (year === undefined || day < year.firstDay || day >= year.endDay) {
      year = this.calendarYear(yearOfDayNumber(day));
      this.current = year;
    }
    return year.schedules[day - year.firstDay];
  }

  private calendarYear(year: number): CalendarYear {
    let resolved = this.years.get(year);
    if (resolved === undefined) {
      const law = this.lawRows.get(year) ?? this.lawHolidays(year);
      resolved = calendarYear(year, law, this.overrideRows.get(year) ?? [], this.hours);
      this.years.set(year, resolved);
    }
    return resolved;
  }

  private cutoffMs(cutoff: string): number {
    let ms = this.cutoffs.get(cutoff);
    if (ms === undefined) {
      ms = parseClock(cutoff);
      this.cutoffs.set(cutoff, ms);
    }
    return ms;
  }
}

function checked(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return ms;
}

function checkedAmount(ms: number): number {
  if (!(ms >= 0 && Number.isFinite(ms))) {
    throw new RangeError(`Working time to add must be a finite, non-negative amount, got ${ms}`);
  }
  return Math.round(ms);
}
