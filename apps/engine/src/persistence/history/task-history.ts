import type { Sql } from '../database.js';

/** Closed tasks as commands need them (the history tables are append-only otherwise). */
export const taskHistory = {
  /** How a task that is no longer open ended (completed, cancelled…), if it ever existed. */
  async outcomeOf(sql: Pick<Sql, 'query'>, taskId: string): Promise<{ outcome: string | null } | undefined> {
    const [past] = await sql.query<{ outcome: string | null }>(`SELECT outcome FROM hist_task_instance WHERE id = $1`, [taskId]);
    return past;
  },

  /**
   * Time a step waited for the applicant's supplement, not counted against its department: an
   * increment, not a value the runtime knows, so written here, in the step's one partition
   * (`month`, the instance's start month).
   */
  async addWaited(sql: Pick<Sql, 'execute'>, activityInstanceId: string, month: string, waitedMs: number): Promise<void> {
    await sql.execute(`UPDATE hist_activity_instance SET waited_ms = waited_ms + $3 WHERE id = $1 AND history_month = $2`, [activityInstanceId, month, waitedMs]);
  },
};
