import type { OpenIncidentView } from '@onedoor/contract';
import type { Sql } from '../database.js';

export interface IncidentRow {
  id: string;
  job_id: string | null;
  instance_id: string | null;
  element_id: string | null;
  message: string;
  resolved_at: Date | null;
}

/** Incidents: jobs that ran out of retries, until an administrator retries or resolves them. */
export const incidentStore = {
  /** Which instance an incident belongs to, read without a lock (the instance is locked first). */
  async instanceOf(sql: Pick<Sql, 'query'>, id: string): Promise<{ instance_id: string | null } | undefined> {
    const [peek] = await sql.query<{ instance_id: string | null }>(`SELECT instance_id FROM incident WHERE id = $1`, [id]);
    return peek;
  },

  async lock(sql: Pick<Sql, 'query'>, id: string): Promise<IncidentRow> {
    const [incident] = await sql.query<IncidentRow>(`SELECT * FROM incident WHERE id = $1 FOR UPDATE`, [id]);
    return incident;
  },

  async resolve(sql: Pick<Sql, 'execute'>, id: string, at: Date): Promise<void> {
    await sql.execute(`UPDATE incident SET resolved_at = $2 WHERE id = $1`, [id, at]);
  },

  /** A job outside any instance, given its retries back and due at `at`; false if it is gone. */
  async rearmFailedJob(sql: Pick<Sql, 'query'>, jobId: string, retries: number, at: Date): Promise<boolean> {
    const [free] = await sql.query(`UPDATE job SET retries = $2, due_at = $3, lock_owner = NULL, lock_expires_at = NULL WHERE id = $1 RETURNING id`, [jobId, retries, at]);
    return Boolean(free);
  },

  /** Deletes a failed job (one with retries left is running again, and stays). */
  async removeFailedJob(sql: Pick<Sql, 'execute'>, jobId: string): Promise<void> {
    await sql.execute(`DELETE FROM job WHERE id = $1 AND retries <= 0`, [jobId]);
  },

  /** The open incidents, newest first: what operators must look at. */
  listOpen(sql: Pick<Sql, 'query'>): Promise<OpenIncidentView[]> {
    return sql.query<OpenIncidentView>(
      `SELECT id, type, job_id AS "jobId", instance_id AS "processInstanceId", element_id AS "elementId",
              definition_id AS "definitionId", message, created_at AS "createdAt"
       FROM incident WHERE resolved_at IS NULL ORDER BY created_at DESC LIMIT 500`,
    );
  },
};
