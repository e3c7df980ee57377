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
