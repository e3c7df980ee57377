import type { Sql } from '../database.js';
import type { DossierRecord } from './dossier-record.js';

/* The dossier row as commands, listeners and access checks read and write it beside dossier-record.ts. */

/** The dossier, if it (still) exists: a job that outlived its dossier finds nothing. */
export async function findDossier(sql: Pick<Sql, 'query'>, code: string): Promise<DossierRecord | undefined> {
  const [d] = await sql.query<DossierRecord>(`SELECT * FROM dossier WHERE code = $1`, [code]);
  return d;
}

/** Past its due time without an apology: counted as a violation in the reports. */
export async function markViolation(sql: Pick<Sql, 'execute'>, code: string): Promise<void> {
  await sql.execute(`UPDATE dossier SET violation = true, revision = revision + 1 WHERE code = $1`, [code]);
}

/** The latest supplement request of a dossier: which task (of which instance) waits for it. */
export async function lastSupplementRequest(sql: Pick<Sql, 'query'>, code: string): Promise<{ data: { taskId: string; instanceId: string } } | undefined> {
  const [request] = await sql.query<{ data: { taskId: string; instanceId: string } }>(
    `SELECT data FROM dossier_event WHERE dossier_code = $1 AND kind = 'supplement_requested' ORDER BY seq DESC LIMIT 1`,
    [code],
  );
  return request;
}

/** A new dossier row, every column given. */
export async function insertDossier(sql: Pick<Sql, 'execute'>, dossier: DossierRecord): Promise<void> {
  const keys = Object.keys(dossier);
  await sql.execute(
    `INSERT INTO dossier (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
    keys.map((k) => (dossier as unknown as Record<string, unknown>)[k]),
  );
}

/** What a dossier's status follows from: its instance tree's state, open and completed steps, a pending fee. */
export async function dossierStatusFacts(sql: Pick<Sql, 'query'>, dossier: Pick<DossierRecord, 'instance_id' | 'code'>) {
  const [facts] = await sql.query<{ state: string; open_tasks: number; open_counted: number; completed_tasks: number; refused: boolean; awaiting_payment: boolean }>(
    `SELECT p.state,
            (SELECT count(*) FROM task t JOIN process_instance c ON c.id = t.instance_id WHERE c.root_instance_id = p.id)::int AS open_tasks,
            (SELECT count(*) FROM task t JOIN process_instance c ON c.id = t.instance_id
               JOIN hist_activity_instance h ON h.id = t.activity_instance_id AND h.history_month = od_history_month(c.started_at)
               WHERE c.root_instance_id = p.id AND h.counted)::int AS open_counted,
            (SELECT count(*) FROM hist_task_instance h JOIN process_instance c ON c.id = h.instance_id AND h.history_month = od_history_month(c.started_at)
               WHERE c.root_instance_id = p.id AND h.outcome = 'completed')::int AS completed_tasks,
            false AS refused,
            EXISTS (SELECT 1 FROM dossier_payment WHERE dossier_code = $2 AND status = 'pending') AS awaiting_payment
     FROM process_instance p WHERE p.id = $1`,
    [dossier.instance_id, dossier.code],
  );
  return facts;
}

/** The agency a dossier belongs to (who may see it), if the dossier exists. */
export async function agencyOfDossier(sql: Pick<Sql, 'query'>, code: string): Promise<{ agency_code: string } | undefined> {
  const [row] = await sql.query<{ agency_code: string }>(`SELECT agency_code FROM dossier WHERE code = $1`, [code]);
  return row;
}

/** Where a dossier sits for access checks: its agency and its (root) instance. */
export async function dossierScope(sql: Pick<Sql, 'query'>, code: string): Promise<{ agency_code: string; instance_id: string } | undefined> {
  const [row] = await sql.query<{ agency_code: string; instance_id: string }>(`SELECT agency_code, instance_id FROM dossier WHERE code = $1`, [code]);
  return row;
}

export async function dossierExists(sql: Pick<Sql, 'query'>, code: string): Promise<boolean> {
  const [row] = await sql.query(`SELECT 1 FROM dossier WHERE code = $1`, [code]);
  return Boolean(row);
}
