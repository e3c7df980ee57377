/**
 * Local time in Asia/Ho_Chi_Minh. Vietnam has used UTC+7 all year, without daylight saving,
 * since 1975, so plain offset arithmetic is exact and much cheaper than Intl time zones.
 *
 * A "day number" counts local calendar days since 1970-01-01 (local); it is the key of every
 * per-day table in this library.
 */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Local day number of an instant given in epoch milliseconds. */
export function dayNumberOf(epochMs: number): number {
  return Math.floor((epochMs + VIETNAM_UTC_OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of local midnight starting the given day. */
export function dayStartOf(dayNumber: number): number {
  return dayNumber * DAY_MS - VIETNAM_UTC_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function dayNumberOfLocalDate(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2027-02-30 over to March; a calendar table must not silently do that.
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${date}`);
  }
  return utc / DAY_MS;
}

export function localDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar date (YYYY-MM-DD, Vietnam time) an instant falls on. */
export function toLocalDate(instant: Date): string {
  return localDateOfDayNumber(dayNumberOf(instant.getTime()));
}

/** The local calendar year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** 'HH:MM' (00:00–24:00) → milliseconds after local midnight. */
export function parseClock(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`Not an HH:MM time of day: ${clock}`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * 60_000;
}
