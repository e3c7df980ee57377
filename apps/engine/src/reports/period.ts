import { DAY_MS, dayNumberOf, dayStartOf, localDateOfDayNumber } from '@onedoor/working-calendar';
import { badInput } from '../shared/domain-error.js';

/**
 * When reporting periods start. Circular 01/2020/TT-VPCP: a month's period runs from the 15th
 * of the month before to the 14th of the month itself, so a quarter is 15 Jun – 14 Sep for Q3 and
 * a year 15 Dec – 14 Dec. Provinces have changed the cut-off before, so it is configuration:
 * `{ cutOffDay: 1, startsInPreviousMonth: false }` gives plain calendar months.
 */
export interface PeriodRule {
  /** Local day of the month a period starts on, 1–28 (every month has it). */
  cutOffDay: number;
  /** True: the period named month M starts in month M−1 (the 15th rule); false: in M itself. */
  startsInPreviousMonth: boolean;
}

export const CIRCULAR_01_2020_PERIODS: PeriodRule = { cutOffDay: 15, startsInPreviousMonth: true };

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A reporting period: local dates (Asia/Ho_Chi_Minh) and the half-open instant range they cover. */
export interface ReportPeriod {
  kind: PeriodKind;
  /** First local day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last local day, inclusive (YYYY-MM-DD). */
  to: string;
  label: string;
  /** Local midnight starting `from`. */
  startsAt: Date;
  /** Local midnight after `to`: the period is [startsAt, endsBefore). */
  endsBefore: Date;
}

export interface PeriodQuery {
  /** `2026-Q3`, `2026-M07` (or `M7`) or `2026`. */
  period?: string;
  /** Explicit local dates, both inclusive. */
  from?: string;
  to?: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-M(0?[1-9]|1[0-2])$/i;
const YEAR = /^(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * The period a report covers: `period` by name, or `from`/`to` dates; neither → the quarter that
 * contains `now`. Anything malformed is a 400 naming the parameter.
 */
export function parsePeriod(query: PeriodQuery, rule: PeriodRule = CIRCULAR_01_2020_PERIODS, now: Date = new Date()): ReportPeriod {
  checkRule(rule);
  const { period, from, to } = query;
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    throw badInput('give either period or from/to, not both', [{ field: 'period', message: 'not together with from/to' }]);
  }
  if (period !== undefined) return namedPeriod(period.trim(), rule);
  if (from !== undefined || to !== undefined) return customPeriod(from, to);
  return periodContaining('quarter', now, rule);
}

/** The month, quarter or year period (under `rule`) that the instant falls in. */
export function periodContaining(kind: 'month' | 'quarter' | 'year', instant: Date, rule: PeriodRule = CIRCULAR_01_2020_PERIODS): ReportPeriod {
  const [year, month, day] = localDateOfDayNumber(dayNumberOf(instant.getTime())).split('-').map(Number);
  // The month whose period holds this day: past the cut-off the next period has begun.
  const index = year * 12 + (month - 1) + (day >= rule.cutOffDay ? 1 : 0) - (rule.startsInPreviousMonth ? 0 : 1);
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (kind === 'month') return monthPeriod(y, m, rule);
  if (kind === 'quarter') return quarterPeriod(y, Math.ceil(m / 3), rule);
  return yearPeriod(y, rule);
}

export function monthPeriod(year: number, month: number, rule: PeriodRule = CIRCULAR_01_2020_PERIODS): ReportPeriod {
  return build('month', monthStart(year, month, rule), monthStart(year, month + 1, rule), `Tháng ${month}/${year}`);
}

export function quarterPeriod(year: number, quarter: number, rule: PeriodRule = CIRCULAR_01_2020_PERIODS): ReportPeriod {
  const first = (quarter - 1) * 3 + 1;
  return build('quarter', monthStart(year, first, rule), monthStart(year, first + 3, rule), `Quý ${ROMAN[quarter - 1]}/${year}`);
}

export function yearPeriod(year: number, rule: PeriodRule = CIRCULAR_01_2020_PERIODS): ReportPeriod {
  return build('year', monthStart(year, 1, rule), monthStart(year, 13, rule), `Năm ${year}`);
}

function namedPeriod(text: string, rule: PeriodRule): ReportPeriod {
  let match = QUARTER.exec(text);
  if (match) return quarterPeriod(Number(match[1]), Number(match[2]), rule);
  match = MONTH.exec(text);
  if (match) return monthPeriod(Number(match[1]), Number(match[2]), rule);
  match = YEAR.exec(text);
  if (match) return yearPeriod(Number(match[1]), rule);
  throw badInput(`period must look like 2026-Q3, 2026-M07 or 2026, not "${text}"`, [{ field: 'period', message: 'expected YYYY-Qn, YYYY-Mmm or YYYY' }]);
}

function customPeriod(from: string | undefined, to: string | undefined): ReportPeriod {
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? 'from' : 'to';
    throw badInput(`${missing} is needed with ${missing === 'from' ? 'to' : 'from'}`, [{ field: missing, message: 'required with the other date' }]);
  }
  const first = dayOf(from, 'from');
  const last = dayOf(to, 'to');
  if (last < first) throw badInput('to is before from', [{ field: 'to', message: 'must not be before from' }]);
  return build('custom', first, last + 1);
}

/** Day number of the local day a month's period starts on; months past 12 or below 1 roll over. */
function monthStart(year: number, month: number, rule: PeriodRule): number {
  const startMonth = month - (rule.startsInPreviousMonth ? 1 : 0);
  return Date.UTC(year, startMonth - 1, rule.cutOffDay) / DAY_MS;
}

function build(kind: PeriodKind, firstDay: number, endDay: number, name?: string): ReportPeriod {
  const from = localDateOfDayNumber(firstDay);
  const to = localDateOfDayNumber(endDay - 1);
  const span = `${vietnameseDate(from)} – ${vietnameseDate(to)}`;
  return {
    kind,
    from,
    to,
    label: name ? `${name} (${span})` : span,
    startsAt: new Date(dayStartOf(firstDay)),
    endsBefore: new Date(dayStartOf(endDay)),
  };
}

function dayOf(text: string, field: string): number {
  const match = DATE.exec(text.trim());
  const problem = [{ field, message: 'expected a date YYYY-MM-DD' }];
  if (!match) throw badInput(`${field} must be a date YYYY-MM-DD, not "${text}"`, problem);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  // Date.UTC would roll 2026-02-30 into March; a report boundary must not move silently.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw badInput(`${field}: no such date ${text}`, problem);
  return utc / DAY_MS;
}

function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

function checkRule(rule: PeriodRule): void {
  if (!Number.isInteger(rule.cutOffDay) || rule.cutOffDay < 1 || rule.cutOffDay > 28) {
    throw new RangeError(`report period cut-off day must be 1–28, got ${rule.cutOffDay}`);
  }
}
