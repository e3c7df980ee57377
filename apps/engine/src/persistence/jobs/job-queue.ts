import type { Database, Sql } from '../database.js';

/** A job as the executor takes it: enough to run it in its instance's lane, in due order. */
export interface TakenJob {
  id: string;
  instance_id: string | null;
  due_at: Date;
}

/**
 * The job table as the executor works it, outside the commands: take due jobs with FOR UPDATE
 * SKIP LOCKED (any number of nodes share one database, each job runs once), hand back locks,
 * count failures. Running a job is a command (ExecuteJob); its deletion commits with it.
 */
export class JobQueue {
  constructor(private readonly db: Database) {}

  /** Locks up to `limit` due jobs for `owner` for `lockMs`; a suspended instance's jobs wait (a migration's don't). */
  takeDue(owner: string, lockMs: number, now: Date, limit: number): Promise<TakenJob[]> {
    return this.db.query<TakenJob>(
      `UPDATE job SET lock_owner = $1, lock_expires_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id IN (
         SELECT id FROM job
         WHERE due_at <= $3 AND retries > 0 AND (lock_expires_at IS NULL OR lock_expires_at < now())
           AND (instance_id IS NULL OR type = 'migrate-instance' OR NOT EXISTS (SELECT 1 FROM process_instance p WHERE p.id = job.instance_id AND p.suspended))
         ORDER BY due_at
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING id, instance_id, due_at`,
      [owner, lockMs, now, limit],
    );
  }

  /** Locks the given jobs, due or not, if no node holds them (and they have retries left). */
  takeThese(owner: string, lockMs: number, jobIds: string[]): Promise<TakenJob[]> {
    return this.db.query<TakenJob>(
      `UPDATE job SET lock_owner = $1, lock_expires_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id IN (
         SELECT id FROM job WHERE id = ANY($3::uuid[]) AND retries > 0 AND (lock_expires_at IS NULL OR lock_expires_at < now())
           AND (instance_id IS NULL OR type = 'migrate-instance' OR NOT EXISTS (SELECT 1 FROM process_instance p WHERE p.id = job.instance_id AND p.suspended))
         FOR UPDATE SKIP LOCKED)
       RETURNING id, instance_id, due_at`,
      [owner, lockMs, jobIds],
    );
  }

  /** Clears `owner`'s locks on jobs it is not running; returns how many. */
  async releaseAll(owner: string): Promise<number> {
    const released = await this.db.query(`UPDATE job SET lock_owner = NULL, lock_expires_at = NULL WHERE lock_owner = $1 RETURNING id`, [owner]);
    return released.length;
  }

  /**
   * One failed attempt, in its own transaction: one retry fewer, due again after an exponential
   * back-off from `now`, unlocked; out of retries, a `failed-job` incident. `touch` runs inside
   * the transaction (the instance's cached rows must learn of the change).
   */
  async recordFailure(jobId: string, message: string, backoffMs: number, now: Date, touch: (sql: Sql, instanceId: string) => Promise<void>): Promise<void> {
    await this.db.transaction(async (sql) => {
      const [job] = await sql.query<{ retries: number; instance_id: string | null; element_id: string; definition_id: string }>(
        `UPDATE job SET retries = retries - 1, last_error = $2, lock_owner = NULL, lock_expires_at = NULL,
                due_at = $4::timestamptz + make_interval(secs => $3::double precision * power(2, 3 - retries) / 1000)
         WHERE id = $1 RETURNING retries, instance_id, element_id, definition_id`,
        [jobId, message, backoffMs, now],
      );
      if (job?.instance_id) await touch(sql, job.instance_id);
      if (job && job.retries <= 0) {
        await sql.execute(
          `INSERT INTO incident (id, type, job_id, instance_id, element_id, definition_id, message, created_at)
           VALUES (gen_random_uuid(), 'failed-job', $1, $2, $3, $4, $5, now())`,
          [jobId, job.instance_id, job.element_id, job.definition_id, message],
        );
      }
    });
  }
}
