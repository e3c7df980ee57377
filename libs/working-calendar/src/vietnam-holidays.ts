import Holidays from 'date-holidays';
import type { CalendarDay } from './calendar-config.js';
import {
  dayNumberOfLocalDate,
  localDateOfDayNumber,
  weekdayOf,
} from './local-time.js';

/**
 * Public holidays of one year under Labour Code 2019, art. 112, as the seed of the yearly
 * calendar table (`source: 'law'`). The government's yearly announcement (Tết swaps, make-up
 * Saturdays) is entered as overrides; this function only applies the law's default rules:
 *
 * - 1/1; 30/4; 1/5; Hùng Kings' day (10/3 lunar).
 * - Tết: 5 days = the last day of the lunar year + the first 4 days of the new year. The lunar
 *   dates come from `date-holidays` (it uses the Vietnamese UTC+7 lunar calendar, so years where
 *   Vietnam and China differ, e.g. 2007, are right). It lists Tết as one entry starting on the
 *   last day of the year with a 5-day span, plus a separate 1st-day entry; we expand it per day.
 * - 2/9 plus one adjacent day (1/9 or 3/9): `date-holidays` lacks this day. The law leaves the
 *   choice to the government; we pick the day that joins 2/9 to the weekend and never a weekend
 *   day, which reproduces the announced days of 2021–2025 (see NATIONAL_DAY_NEIGHBOUR).
 * - Compensatory days (art. 112(3)): a holiday falling on Saturday or Sunday gives a day off on
 *   the next working day (Mon–Fri, not itself a holiday or an earlier compensatory day).
 *   `date-holidays` has none.
 */
export function vietnamHolidays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < 1976 || year > 9999) {
    throw new RangeError(`Cannot compute Vietnamese holidays for year ${year}`);
  }
  const lunar = lunarHolidays(year);
  const holidays = new Map<number, string>();
  const add = (day: number, name: string): void => {
    // Two holidays on one date (Hùng Kings' day can approach 30/4) give one day, no extra day.
    const existing = holidays.get(day);
    holidays.set(day, existing ? `${existing}; ${name}` : name);
  };
  const fixed = (month: number, date: number): number =>
    dayNumberOfLocalDate(`${year}-${pad(month)}-${pad(date)}`);

  add(fixed(1, 1), 'Tết Dương lịch');
  add(lunar.newYear - 1, 'Tết Nguyên Đán (ngày cuối năm Âm lịch)');
  for (let i = 0; i < 4; i += 1) add(lunar.newYear + i, `Tết Nguyên Đán (mùng ${i + 1})`);
  add(lunar.hungKings, 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)');
  add(fixed(4, 30), 'Ngày Chiến thắng (30/4)');
  add(fixed(5, 1), 'Ngày Quốc tế Lao động (1/5)');
  const nationalDay = fixed(9, 2);
  add(nationalDay, 'Quốc khánh (2/9)');
  const neighbour = nationalDay + NATIONAL_DAY_NEIGHBOUR[weekdayOf(nationalDay)];
  add(neighbour, `Quốc khánh (ngày liền kề ${neighbour < nationalDay ? '1/9' : '3/9'})`);

  const days: CalendarDay[] = [];
  const taken = new Set(holidays.keys());
  for (const day of [...holidays.keys()].sort((a, b) => a - b)) {
    const name = holidays.get(day) as string;
    days.push({ date: localDateOfDayNumber(day), kind: 'holiday', name, source: 'law' });
    if (!isWeekend(day)) continue;
    // Compensatory days queue up after a run of holidays (Tết over a weekend gives two).
    let substitute = day + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    taken.add(substitute);
    days.push({
      date: localDateOfDayNumber(substitute),
      kind: 'day_off',
      name: `Nghỉ bù ${name}`,
      source: 'law',
    });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Offset from 2/9 to the adjacent National Day holiday, by the weekday of 2/9 (0 = Sunday).
 * Announced: 2021 Thu→3/9, 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9, 2025 Tue→1/9. The rule
 * behind them: never a weekend day (it would just cost a compensatory day), otherwise the day
 * that bridges to the weekend; Wednesday has no bridge and takes the day before (the law names
 * it first); Sunday takes Monday 3/9 (then 2/9's compensatory day is Tuesday).
 */
const NATIONAL_DAY_NEIGHBOUR: readonly number[] = [+1, +1, -1, -1, +1, -1, -1];

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface LunarHolidays {
  /** Day number of the 1st day of the 1st lunar month (Tết Nguyên Đán). */
  newYear: number;
  /** Day number of the 10th day of the 3rd lunar month. */
  hungKings: number;
}

/** The two lunar rules of date-holidays' VN data that are public holidays. */
const TET_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';

let lunarCalendar: Holidays | undefined;
const lunarCache = new Map<number, LunarHolidays>();

/**
 * The lunar dates we need, computed by date-holidays with the rules of its VN data. Only those
 * two rules are loaded: the full VN set also computes ten lunar observances and costs ~100 ms a
 * year instead of ~10 ms. `date` (the local date string) is read rather than `start`, which
 * depends on the machine's time zone when no country is set.
 */
function lunarHolidays(year: number): LunarHolidays {
  const cached = lunarCache.get(year);
  if (cached) return cached;
  if (lunarCalendar === undefined) {
    lunarCalendar = new Holidays();
    lunarCalendar.setHoliday(TET_RULE, { name: 'Tết Nguyên Đán', type: 'public' });
    lunarCalendar.setHoliday(HUNG_KINGS_RULE, { name: 'Giỗ Tổ Hùng Vương', type: 'public' });
  }
  const entries = lunarCalendar.getHolidays(year);
  const find = (rule: string): number => {
    const entry = entries.find((holiday) => holiday.rule === rule);
    if (!entry) throw new Error(`date-holidays computed no "${rule}" in ${year}`);
    return dayNumberOfLocalDate(entry.date.slice(0, 10));
  };
  const result = { newYear: find(TET_RULE), hungKings: find(HUNG_KINGS_RULE) };
  lunarCache.set(year, result);
  return result;
}
