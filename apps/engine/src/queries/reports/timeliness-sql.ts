/** Reports count local calendar days in Vietnam (no daylight saving since 1975, so +07:00 always). */
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The one definition of early / on time / late (docs/domain.md) as a SQL expression over two
 * timestamptz expressions, for reports that classify a million rows in the database.
 * It must agree with `classifyTimeliness` in libs/working-calendar (a spec checks both on the
 * edge cases): after the due instant → late; on a local day before the due instant's → early;
 * otherwise (the due day, at or before the instant) → on time.
 */
export function timelinessSql(finishedAt: string, dueAt: string): string {
  return `CASE WHEN ${finishedAt} > ${dueAt} THEN 'late'
    WHEN (${finishedAt} AT TIME ZONE '${REPORT_TIME_ZONE}')::date < (${dueAt} AT TIME ZONE '${REPORT_TIME_ZONE}')::date THEN 'early'
    ELSE 'on_time' END`;
}
