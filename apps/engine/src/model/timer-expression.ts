/**
 * ISO 8601 timer expressions as BPMN uses them: durations (`P1DT2H`), dates (`2027-01-01T08:00:00+07:00`)
 * and cycles (`R3/PT1H`, `R/P1D`). Parsed at deploy so a typo is refused there, not at run time.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const n = (i: number) => (match[i] ? Number(match[i].replace(',', '.')) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Wall-clock length of a duration in ms (months = 30 days, years = 365 days). */
export function durationMs(d: Duration): number {
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  return ((days * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
}

/**
 * Length of a duration in working time: a day of the duration is a working day (8 h by default),
 * hours/minutes/seconds are working hours.
 */
export function workingDurationMs(d: Duration, hoursPerDay = 8): number {
  const days = d.years * 365 + d.months * 30 + d.weeks * 5 + d.days;
  return ((days * hoursPerDay + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
}

export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return undefined;
  // A date without an offset is local time in Vietnam, where every agency works.
  const withZone = /T/.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? `${trimmed}+07:00` : trimmed;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface Cycle {
  /** Undefined = repeat forever. */
  repetitions?: number;
  interval: Duration;
}

export function parseCycle(text: string): Cycle | undefined {
  const match = /^R(\d*)\/(P.+)$/.exec(text.trim());
  if (!match) return undefined;
  const interval = parseDuration(match[2]);
  if (!interval || durationMs(interval) <= 0) return undefined;
  return { repetitions: match[1] === '' ? undefined : Number(match[1]), interval };
}
