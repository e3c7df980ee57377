import type { Sql } from '../database.js';

/** Closed tasks as commands need them (the history tables are append-only otherwise). */
export const taskHistory = {
  /** How a task that is no longer open ended (completed, cancelled…), if it ever existed. */
  async outcomeOf(sql: Pick<Sql, 'query'>, taskId: string): Promise<{ outcome: string | null } | undefined> {
    const [past] = await sql.query<{ outcome: string | null }>(`SELECT outcome FROM hist_task_instance WHERE id = $1`, [taskId]);
    return past;
  },

  /** Time a task waited for the applicant's supplement, not counted against its department. */
  async addWaited(sql: Pick<Sql, 'execute'>, taskId: string, waitedMs: number): Promise<void> {
    await sql.execute(`UPDATE hist_task_instance SET waited_ms = waited_ms + $2 WHERE id = $1`, [taskId, waitedMs]);
  },
};
