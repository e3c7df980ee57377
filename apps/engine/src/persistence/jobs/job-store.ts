import type { Sql } from '../database.js';

type Writes = Pick<Sql, 'execute'>;
type Reads = Pick<Sql, 'query'>;

/** A job as a handler receives it (the columns the executor hands over). */
export interface AcquiredJob {
  id: string;
  type: string;
  instance_id: string | null;
  execution_id: string | null;
  element_id: string;
  definition_id: string;
  payload: Record<string, unknown>;
  due_at: Date;
}

/** The job table as the commands and job handlers change it, inside their transaction. */
export const jobStore = {
  /** Locks a job that belongs to no instance (an instance's jobs come with it, under its lock). */
  async lock(sql: Reads, id: string): Promise<AcquiredJob | undefined> {
    const [job] = await sql.query<AcquiredJob>(`SELECT id, type, instance_id, execution_id, element_id, definition_id, payload, due_at FROM job WHERE id = $1 FOR UPDATE`, [id]);
    return job;
  },

  /** Hands a job back untouched (no failure counted): any node may take it when it is due. */
  async release(sql: Writes, id: string): Promise<void> {
    await sql.execute(`UPDATE job SET lock_owner = NULL, lock_expires_at = NULL WHERE id = $1`, [id]);
  },

  async remove(sql: Writes, id: string): Promise<void> {
    await sql.execute(`DELETE FROM job WHERE id = $1`, [id]);
  },

  /** The job runs again at `dueAt` (a deadline that moved). */
  async rearm(sql: Writes, id: string, dueAt: Date): Promise<void> {
    await sql.execute(`UPDATE job SET due_at = $2, lock_owner = NULL, lock_expires_at = NULL WHERE id = $1`, [id, dueAt]);
  },

  /** A cycle's next firing: the job stays, due again with its count of firings. */
  async rearmStartTimer(sql: Writes, id: string, dueAt: Date, payload: string): Promise<void> {
    await sql.execute(`UPDATE job SET due_at = $2, payload = $3, lock_owner = NULL, lock_expires_at = NULL WHERE id = $1`, [id, dueAt, payload]);
  },

  /** A dossier's clock job (`dossier-apology-due`, `dossier-deadline`), its element id being its type. */
  async insertDossierJob(sql: Writes, params: [id: string, type: string, instanceId: string, definitionId: string, dueAt: Date, payload: string, createdAt: Date]): Promise<void> {
    await sql.execute(
      `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
     VALUES ($1, $2, $3, NULL, $2, $4, $5, 3, $6, $7)`,
      params,
    );
  },

  async removeDossierDeadlines(sql: Writes, instanceId: string): Promise<void> {
    await sql.execute(`DELETE FROM job WHERE instance_id = $1 AND type IN ('dossier-apology-due', 'dossier-deadline')`, [instanceId]);
  },
};
