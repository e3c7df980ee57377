import { toLocalDate } from '@onedoor/working-calendar';
import { badInput } from '../shared/domain-error.js';

/** Longest register printed at once: a year (leap or not). */
const MAX_DAYS = 366;

/**
 * The period of a register from optional local dates: both missing → the current month; one
 * missing → the rest of the given one's month. Both ends inclusive, checked to be real dates.
 */
export function reportingPeriod(from: string | undefined, to: string | undefined, now: Date): { from: string; to: string } {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isRealDate(value)) throw badInput(`${field} is not a date: ${value}`, [{ field, message: 'a real date YYYY-MM-DD' }]);
  }
  const anchor = from ?? to ?? toLocalDate(now);
  const start = from ?? `${anchor.slice(0, 7)}-01`;
  const end = to ?? lastDayOfMonth(anchor);
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  if (days < 1) throw badInput('from is after to', [{ field: 'from', message: 'must not be after to' }]);
  if (days > MAX_DAYS) throw badInput(`a register covers at most ${MAX_DAYS} days`, [{ field: 'to', message: `at most ${MAX_DAYS} days after from` }]);
  return { from: start, to: end };
}

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
