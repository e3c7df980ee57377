const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An instant as the national portal wants it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+7 all
 * year, no daylight saving). Absent dates travel as an empty string, as the portal expects.
 */
export function portalDate(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(instant)}`);
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
