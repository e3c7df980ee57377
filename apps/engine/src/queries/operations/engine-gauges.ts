import type { Database } from '../../persistence/database.js';

/** The database answers at all (health check). */
export async function ping(db: Pick<Database, 'query'>): Promise<void> {
  await db.query('SELECT 1');
}

/** The engine's load as Prometheus gauges count it: instances, tasks, jobs, incidents. */
export async function engineGauges(db: Pick<Database, 'query'>): Promise<Record<string, string>> {
  const [row] = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM process_instance WHERE state = 'active') AS active_instances,
                (SELECT count(*) FROM task) AS open_tasks,
                (SELECT count(*) FROM task WHERE due_at < now()) AS overdue_tasks,
                (SELECT count(*) FROM job WHERE retries > 0) AS pending_jobs,
                (SELECT count(*) FROM job WHERE retries > 0 AND due_at < now()) AS due_jobs,
                (SELECT count(*) FROM incident WHERE resolved_at IS NULL) AS open_incidents`,
  );
  return row;
}
