/**
 * How long a procedure's dossier history must be kept after the dossier ended: its legal
 * retention period, in whole years, or forever (null). Per procedure in the procedure_retention
 * table; procedures not listed keep the default, set by ONEDOOR_HISTORY_RETENTION_YEARS (a
 * number of years, or "forever"), 10 years when unset.
 */
export const DEFAULT_RETENTION_YEARS = 10;

export function defaultRetentionYears(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.ONEDOOR_HISTORY_RETENTION_YEARS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_YEARS;
  if (raw.toLowerCase() === 'forever') return null;
  const years = Number(raw);
  if (!Number.isInteger(years) || years <= 0) {
    throw new Error(`ONEDOOR_HISTORY_RETENTION_YEARS must be a whole number of years or "forever", not "${raw}"`);
  }
  return years;
}
