import { DOSSIER_LIFETIME } from '../../persistence/migrations/1764100005000-dossier-lifetime-index.js';
import { timelinessSql } from './timeliness-sql.js';

/** Where a dossier of a period counts, decided once for every report (II.06a, Decision 766). */
export type PeriodOutcome = 'early' | 'on_time' | 'late' | 'withdrawn' | 'stopped' | 'waiting' | 'within_time' | 'overdue';

/**
 * Two CTEs, `relevant` and `classified`, over the dossiers a period [$1, $2) is about, as of the
 * instant $3 (min(period end, now): see `reportAsOf`): received
 * before its end and not finished before its start. Each gets exactly one outcome:
 *
 * - finished in the period (finished_at < $2): withdrawn (status 7), stopped (8), or resolved —
 *   early / on time / late by finished_at against **legal_due_at**. The legal due date is the one
 *   the agency is judged by: an apology (form 04) only moves the appointment (`due_at`), and
 *   the dossier core moves `legal_due_at` only for the applicant's supplement time, which is
 *   never counted against the agency. No legal due date (no statutory time) → on time.
 * - still open at the period end: waiting for a supplement (status 5, waiting since before the
 *   end), else overdue when the legal due instant has passed **as of $3** — the period's end, or
 *   now for a period that has not ended yet (a deadline still ahead is not overdue) — else within time.
 *
 * Dossiers never accepted (status 1 newly registered, 3 not received) count nowhere.
 * The set — received before the end, open or finished since the start — is the dossiers whose
 * lifetime overlaps the period, read in two disjoint parts: those received in the period, a range
 * of the B-tree dossier_received_at (rows received together sit together on disk), and those
 * received before it and still alive at its start, found through the GiST index dossier_lifetime
 * ("received before" is said of the lifetime's start, so the planner does not also read every
 * earlier receipt from dossier_received_at to intersect the two).
 * As one "overlaps the period" on the GiST index, a quarter of a 10-million-dossier history
 * (900,000 dossiers) was a sequential scan of the whole table: 3.6 s.
 * `grp` is the caller's grouping expression over `dossier` columns.
 */
export function periodDossiersSql(groupExpression: string): string {
  const columns = columnsSql(groupExpression);
  return `
  relevant AS (
    SELECT ${columns} FROM dossier
     WHERE received_at >= $1 AND received_at < $2 AND status NOT IN (1, 3)
    UNION ALL
    SELECT ${columns} FROM dossier
     WHERE ${DOSSIER_LIFETIME} && tstzrange($1, $1, '[]') AND lower(${DOSSIER_LIFETIME}) < $1 AND status NOT IN (1, 3)
  ),
  ${classifiedSql()}`;
}

/**
 * The same two CTEs over the dossiers still open at the period's end $2 (received before it, not
 * finished before it), as of $3: the part of a period a count of finished dossiers cannot say
 * (II.06a reads the rest from report_finished_count). They are the dossiers whose lifetime
 * holds the end instant, found through the lifetime index. $1 is the period's start.
 */
export function openAtPeriodEndSql(groupExpression: string): string {
  return `
  relevant AS (
    SELECT ${columnsSql(groupExpression)} FROM dossier
     WHERE ${DOSSIER_LIFETIME} && tstzrange($2, $2, '[]') AND lower(${DOSSIER_LIFETIME}) < $2 AND status NOT IN (1, 3)
  ),
  ${classifiedSql()}`;
}

function columnsSql(groupExpression: string): string {
  return `code, ${groupExpression} AS grp, channel, received_at, finished_at, legal_due_at, status, waiting_since`;
}

function classifiedSql(): string {
  return `classified AS (
    SELECT code, grp, channel, received_at >= $1 AS received_in_period,
      CASE
        WHEN finished_at < $2 AND status = 7 THEN 'withdrawn'
        WHEN finished_at < $2 AND status = 8 THEN 'stopped'
        WHEN finished_at < $2 AND legal_due_at IS NULL THEN 'on_time'
        WHEN finished_at < $2 THEN ${timelinessSql('finished_at', 'legal_due_at')}
        WHEN status = 5 AND finished_at IS NULL AND (waiting_since IS NULL OR waiting_since < $2) THEN 'waiting'
        WHEN legal_due_at < $3 THEN 'overdue'
        ELSE 'within_time'
      END AS outcome
    FROM relevant
  )`;
}

/**
 * The instant "overdue" is judged at: the period's end, or now while the period runs. A report
 * on the current quarter must not count as overdue a dossier whose deadline is still ahead.
 */
export function reportAsOf(period: { endsBefore: Date }, now: Date | undefined): Date {
  return now && now.getTime() < period.endsBefore.getTime() ? now : period.endsBefore;
}
