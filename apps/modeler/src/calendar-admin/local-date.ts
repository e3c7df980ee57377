/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that a browser in any time zone
 * draws 1 January 2027 in the right cell (the calendar's days are Vietnam's days, not instants).
 */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday (the engine's officeHours use the same numbering). */
export function isoWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month, day)).getUTCDay() || 7;
}

/** Today in Vietnam, as YYYY-MM-DD. */
export function todayInVietnam(now = new Date()): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** A `datetime-local` value read as Vietnam time (UTC+7, no daylight saving). */
export function vietnamLocalToInstant(value: string): Date {
  return new Date(`${value.length === 16 ? `${value}:00` : value}+07:00`);
}

export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
