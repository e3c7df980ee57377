import type { Sql } from '../database.js';
import { notFound } from '../../shared/domain-error.js';
import { queueApplicantNotices } from '../applicant-notices/queue-notices.js';

/** A dossier row as the dossier commands read and change it. */
export interface DossierRecord {
  code: string;
  instance_id: string;
  definition_id: string;
  procedure_key: string;
  procedure_code: string | null;
  procedure_name: string | null;
  field: string | null;
  agency_code: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_type: string;
  channel: 'direct' | 'online' | 'postal';
  received_at: Date;
  clock_started_at: Date;
  statutory_days: string | null;
  legal_due_at: Date | null;
  due_at: Date | null;
  status: number;
  supplement_policy: 'restart' | 'pause';
  waiting_since: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  result: string | null;
  apology_count: number;
  violation: boolean;
  form_version: string;
  received_by: string | null;
  /** Channels the applicant agreed to be told on (issue #24). */
  notify_channels: ('email' | 'sms' | 'zalo')[];
}

export async function loadDossier(sql: Sql, code: string, lock = false): Promise<DossierRecord> {
  const [row] = await sql.query<DossierRecord>(`SELECT * FROM dossier WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
  if (!row) throw notFound('Dossier', code);
  return row;
}

/** The dossier a (possibly called) instance belongs to: the one on its root instance. */
export async function dossierOfInstance(sql: Sql, rootInstanceId: string): Promise<DossierRecord | undefined> {
  const [row] = await sql.query<DossierRecord>(`SELECT * FROM dossier WHERE instance_id = $1`, [rootInstanceId]);
  return row;
}

/** Records what happened to a dossier; the events an applicant is told of also queue their notices, in the same transaction. */
export async function appendDossierEvent(sql: Sql, code: string, at: Date, kind: string, actor: string | null, data: unknown = {}): Promise<void> {
  await sql.execute(`INSERT INTO dossier_event (dossier_code, at, kind, actor, data) VALUES ($1, $2, $3, $4, $5)`, [code, at, kind, actor, JSON.stringify(data)]);
  await queueApplicantNotices(sql, code, at, kind, data);
}

/** Applies a change to the dossier row; every status change leaves an event (and, later, a portal sync record). */
export async function updateDossier(sql: Sql, dossier: DossierRecord, patch: Partial<DossierRecord>, at: Date, actor: string | null): Promise<DossierRecord> {
  const keys = Object.keys(patch) as (keyof DossierRecord)[];
  if (keys.length === 0) return dossier;
  const values = keys.map((k) => patch[k]);
  await sql.execute(
    `UPDATE dossier SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, revision = revision + 1 WHERE code = $1`,
    [dossier.code, ...values],
  );
  const updated = { ...dossier, ...patch };
  if (patch.status !== undefined && patch.status !== dossier.status) {
    await appendDossierEvent(sql, dossier.code, at, 'status', actor, { from: dossier.status, to: patch.status });
  }
  return updated;
}

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
               JOIN hist_task_instance h ON h.id = t.id WHERE c.root_instance_id = p.id AND h.counted)::int AS open_counted,
            (SELECT count(*) FROM hist_task_instance h JOIN process_instance c ON c.id = h.instance_id
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
