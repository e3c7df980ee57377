import type { Database, Sql } from '../database.js';
import { historyMonthOf } from '../../runtime/rows.js';
import { addMonths, HISTORY_TABLES, historyMonths, partitionName } from './history-partitions.js';

/** What decides whether a month of history may go: its instances, their ends and retentions. */
export interface MonthVerdict {
  month: string;
  instances: number;
  /** Instances (or their dossiers) not ended yet: the month stays. */
  open: number;
  /** Some instance's procedure is kept for good: the month stays. */
  keptForever: boolean;
  /** When the last retention in the month runs out (null: no ended instance). */
  expiresAt: Date | null;
  lastEndedAt: Date | null;
  longestRetentionYears: number | null;
  droppable: boolean;
}

export interface DroppedMonth {
  month: string;
  instances: number;
  lastEndedAt: Date | null;
  longestRetentionYears: number | null;
  bytesFreed: number;
}

export interface CleanupOptions {
  now: Date;
  /** Retention of procedures not in procedure_retention, in years; null keeps them for good. */
  defaultYears: number | null;
  /** Names this node in the cleanup log. */
  node: string;
  /** How long a drop may wait for the tables' lock before it gives up until the next round. */
  lockTimeoutMs?: number;
}

/**
 * The retention of an instance is its dossier's: the root instance's procedure and end, so a
 * called sub-process is kept as long as the dossier it served. A month of history holds the
 * instances that started in it, so the month may go when every one of them has ended and the
 * LONGEST retention among them has passed — procedures with different retention periods that
 * share a month keep the month until the last of them expires (docs/history-retention.md
 * says why this beats sub-partitioning by retention class).
 */
export const MONTH_VERDICT_SQL = `
  WITH m AS (SELECT $1::date AS month),
  instances AS (
    -- A root instance is its own dossier; only a called one looks its root up (by primary key),
    -- so a month of a quarter-million dossiers is one index range scan, not a self-join.
    SELECT p.ended_at,
           CASE WHEN p.root_instance_id = p.id THEN p.ended_at
                ELSE coalesce((SELECT r.ended_at FROM process_instance r WHERE r.id = p.root_instance_id), p.ended_at) END AS dossier_ended_at,
           CASE WHEN p.root_instance_id = p.id THEN p.definition_key
                ELSE coalesce((SELECT r.definition_key FROM process_instance r WHERE r.id = p.root_instance_id), p.definition_key) END AS dossier_key
    FROM process_instance p
    WHERE p.started_at >= ((SELECT month FROM m)::timestamp AT TIME ZONE 'UTC')
      AND p.started_at < (((SELECT month FROM m) + interval '1 month')::timestamp AT TIME ZONE 'UTC')
  ),
  kept AS (
    SELECT i.ended_at, i.dossier_ended_at,
           CASE WHEN r.procedure_key IS NULL THEN $2::int ELSE r.retention_years END AS years,
           (CASE WHEN r.procedure_key IS NULL THEN $2::int IS NULL ELSE r.retention_years IS NULL END) AS forever
    FROM instances i LEFT JOIN procedure_retention r ON r.procedure_key = i.dossier_key
  )
  SELECT count(*)::int AS instances,
         count(*) FILTER (WHERE ended_at IS NULL OR dossier_ended_at IS NULL)::int AS open,
         coalesce(bool_or(forever), false) AS kept_forever,
         max(dossier_ended_at + make_interval(years => years)) AS expires_at,
         max(dossier_ended_at) AS last_ended_at,
         max(years) AS longest_years
  FROM kept`;

/** Whether one month of history may be dropped now, and why (or why not). */
export async function monthVerdict(sql: Pick<Sql, 'query'>, month: string, options: Pick<CleanupOptions, 'now' | 'defaultYears'>): Promise<MonthVerdict> {
  const [row] = await sql.query<{ instances: number; open: number; kept_forever: boolean; expires_at: Date | null; last_ended_at: Date | null; longest_years: number | null }>(MONTH_VERDICT_SQL, [
    month,
    options.defaultYears,
  ]);
  // A month is closed once it is over: no instance can start in it any more.
  const over = addMonths(month, 1) <= historyMonthOf(options.now);
  const expired = row.expires_at === null || row.expires_at.getTime() <= options.now.getTime();
  return {
    month,
    instances: row.instances,
    open: row.open,
    keptForever: row.kept_forever,
    expiresAt: row.expires_at,
    lastEndedAt: row.last_ended_at,
    longestRetentionYears: row.longest_years,
    droppable: over && row.open === 0 && !row.kept_forever && expired,
  };
}

/**
 * Drops every month of history whose retention has passed: each month's partitions of every
 * history table go in one transaction (DROP TABLE, no row deletes: no dead tuples, no vacuum,
 * the disk space is returned at once), with a line in history_cleanup_log. Runs on any node;
 * an advisory lock makes it run on one at a time, and a node that finds it taken leaves the
 * round to the other. A month kept (an open dossier, a longer retention) does not stop the
 * sweep: a later month of shorter-lived procedures may go before it. Only months older than the
 * shortest retention in force are examined — no instance in a younger one can have expired.
 */
export async function cleanupHistory(db: Database, options: CleanupOptions): Promise<{ dropped: DroppedMonth[]; busy: boolean }> {
  const dropped: DroppedMonth[] = [];
  const [shortest] = await db.query<{ years: number | null }>(
    `SELECT min(y) AS years FROM (SELECT retention_years AS y FROM procedure_retention UNION ALL SELECT $1::int) r`,
    [options.defaultYears],
  );
  if (shortest.years === null) return { dropped, busy: false };
  const youngest = historyMonthOf(new Date(Date.UTC(options.now.getUTCFullYear() - shortest.years, options.now.getUTCMonth(), 1)));
  for (const month of (await historyMonths(db)).filter((m) => addMonths(m, 1) <= youngest)) {
    const outcome = await db.transaction(async (sql) => {
      const [lock] = await sql.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('onedoor:history-cleanup')) AS locked`);
      if (!lock.locked) return 'busy' as const;
      // Re-checked under the lock: another node may have dropped it since the list was read.
      const [exists] = await sql.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [partitionName(HISTORY_TABLES[0], month)]);
      if (!exists.present) return 'gone' as const;
      const verdict = await monthVerdict(sql, month, options);
      if (!verdict.droppable) return 'kept' as const;
      await sql.query(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(options.lockTimeoutMs ?? 3000))}ms'`);
      const parts = HISTORY_TABLES.map((table) => partitionName(table, month));
      const [size] = await sql.query<{ bytes: string }>(
        `SELECT coalesce(sum(pg_total_relation_size(to_regclass(name))), 0)::bigint AS bytes FROM unnest($1::text[]) name`,
        [parts],
      );
      await sql.query(`DROP TABLE IF EXISTS ${parts.join(', ')}`);
      const row: DroppedMonth = {
        month,
        instances: verdict.instances,
        lastEndedAt: verdict.lastEndedAt,
        longestRetentionYears: verdict.longestRetentionYears,
        bytesFreed: Number(size.bytes),
      };
      await sql.query(
        `INSERT INTO history_cleanup_log (history_month, node, instances, last_ended_at, longest_retention_years, bytes_freed) VALUES ($1, $2, $3, $4, $5, $6)`,
        [month, options.node, row.instances, row.lastEndedAt, row.longestRetentionYears ?? 0, row.bytesFreed],
      );
      return row;
    });
    if (outcome === 'busy') return { dropped, busy: true };
    if (outcome !== 'gone' && outcome !== 'kept') dropped.push(outcome);
  }
  return { dropped, busy: false };
}
