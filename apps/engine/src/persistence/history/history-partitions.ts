import type { Database } from '../database.js';
import { historyMonthOf } from '../../runtime/rows.js';

/** The partitioned history tables: every row of an instance's history, keyed by its start month. */
export const HISTORY_TABLES = ['hist_activity_instance', 'hist_variable_update'] as const;

/** A month partition's name, as od_ensure_history_partition makes it: hist_…_y2026m03. */
export function partitionName(table: string, month: string): string {
  return `${table}_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/** The first day of the month `months` after the one of `month` ('YYYY-MM-01'). */
export function addMonths(month: string, months: number): string {
  const d = new Date(`${month}T00:00:00Z`);
  return historyMonthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/**
 * Creates the month partitions history will need: this month and `monthsAhead` after it, plus
 * any month that has rows waiting in a DEFAULT partition (they move into their month). Safe on
 * any number of nodes at once: od_ensure_history_partition takes an advisory lock and creates
 * each partition only if it is missing. Returns the partitions it created.
 */
export async function ensureHistoryPartitions(db: Database, now: Date, monthsAhead = 3): Promise<string[]> {
  const months = new Set<string>();
  const current = historyMonthOf(now);
  for (let k = 0; k <= monthsAhead; k++) months.add(addMonths(current, k));
  for (const table of HISTORY_TABLES) {
    const stray = await db.query<{ month: string }>(`SELECT DISTINCT to_char(history_month, 'YYYY-MM-01') AS month FROM ${table}_default`);
    for (const { month } of stray) months.add(month);
  }
  const created: string[] = [];
  for (const month of [...months].sort()) {
    for (const table of HISTORY_TABLES) {
      // One transaction per partition: the advisory lock and the DDL's locks are held briefly.
      const [row] = await db.query<{ created: boolean }>(`SELECT od_ensure_history_partition($1, $2::date) AS created`, [table, month]);
      if (row.created) created.push(partitionName(table, month));
    }
  }
  return created;
}

/** The month partitions of the history, oldest first ('YYYY-MM-01' each); the DEFAULT one is not listed. */
export async function historyMonths(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'hist_activity_instance'::regclass AND c.relname ~ '_y[0-9]{4}m[0-9]{2}$' ORDER BY c.relname`,
  );
  return rows.map(({ name }) => `${name.slice(-7, -3)}-${name.slice(-2)}-01`);
}
