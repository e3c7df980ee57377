import type { Database } from '../database.js';

/** What the demo-history generator reads between the commands it runs (bootstrap/demo-history.ts). */
export const demoHistoryStore = {
  /** Versions of procedures deployed more than once: the before and after of a simplification. */
  comparedVersions(db: Pick<Database, 'query'>) {
    return db.query<{ id: string; key: string; version: number }>(
      `SELECT d.id, d.key, d.version FROM process_definition d
     WHERE d.procedure_code IS NOT NULL AND d.key IN (SELECT key FROM process_definition GROUP BY key HAVING count(*) > 1)
     ORDER BY d.key, d.version`,
    );
  },

  /** The oldest open step of a dossier's instance tree, with its allowance. */
  async firstOpenTask(db: Pick<Database, 'query'>, rootInstanceId: string) {
    const [task] = await db.query<{ id: string; created_at: Date; department_code: string | null; role: string | null; allowance: string | null }>(
      `SELECT t.id, t.created_at, t.department_code, t.role, h.allowance_days AS allowance
           FROM task t JOIN process_instance p ON p.id = t.instance_id
           JOIN hist_activity_instance h ON h.id = t.activity_instance_id AND h.history_month = od_history_month(p.started_at)
           WHERE p.root_instance_id = $1 ORDER BY t.created_at LIMIT 1`,
      [rootInstanceId],
    );
    return task;
  },

  async outcome(db: Pick<Database, 'query'>, code: string) {
    const [d] = await db.query<{ finished_at: Date | null; late: boolean }>(`SELECT finished_at, finished_at > legal_due_at AS late FROM dossier WHERE code = $1`, [code]);
    return d;
  },

  /** The deadline jobs of a simulated past are moot: finished work needs no escalation. */
  async dropFinishedDeadlines(db: Pick<Database, 'query'>): Promise<void> {
    await db.query(`DELETE FROM job WHERE type IN ('dossier-apology-due', 'dossier-deadline') AND instance_id IN (SELECT instance_id FROM dossier WHERE finished_at IS NOT NULL)`);
  },
};
