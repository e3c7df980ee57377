import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A local Vietnam time ('2026-07-01T09:00') as an instant. */
export const at = (local: string): Date => new Date(`${local}+07:00`);

export interface DossierSeed {
  code: string;
  agency: string;
  field?: string | null;
  channel: 'direct' | 'online' | 'postal';
  /** Local times, as at() reads them. */
  receivedAt: string;
  legalDueAt?: string | null;
  /** The current appointment; defaults to the legal due date. */
  dueAt?: string | null;
  finishedAt?: string | null;
  returnedAt?: string | null;
  waitingSince?: string | null;
  status: number;
}

const DEFINITION_ID = 'report-fixture:1';

/**
 * Inserts dossiers straight into the tables (plus the deployment, definition and one process
 * instance per dossier their foreign keys need), so a report spec controls every date.
 */
export async function seedDossiers(ds: DataSource, seeds: DossierSeed[]): Promise<void> {
  const [{ exists }] = await ds.query(`SELECT EXISTS (SELECT 1 FROM process_definition WHERE id = $1) AS exists`, [DEFINITION_ID]);
  if (!exists) {
    const deployment = randomUUID();
    await ds.query(`INSERT INTO deployment (id, name) VALUES ($1, 'report fixture')`, [deployment]);
    await ds.query(
      `INSERT INTO process_definition (id, key, version, name, deployment_id, resource_name, bpmn_xml, sha256)
       VALUES ($1, 'report-fixture', 1, 'Report fixture', $2, 'fixture.bpmn', '<definitions/>', 'x')`,
      [DEFINITION_ID, deployment],
    );
  }
  for (const s of seeds) {
    const instance = randomUUID();
    const local = (v: string | null | undefined) => (v ? at(v) : null);
    await ds.query(
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at)
       VALUES ($1, $2, 'report-fixture', $3, $4, $1, $5)`,
      [instance, DEFINITION_ID, s.code, s.finishedAt ? 'completed' : 'active', at(s.receivedAt)],
    );
    await ds.query(
      `INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, field, agency_code,
                            applicant_name, channel, received_at, clock_started_at, legal_due_at, due_at, status,
                            waiting_since, finished_at, returned_at, form_version)
       VALUES ($1, $2, $3, 'report-fixture', '1.001806', 'Thủ tục mẫu', $4, $5, 'Nguyễn Văn A', $6, $7, $7, $8, $9, $10, $11, $12, $13, '03/2025')`,
      [
        s.code, instance, DEFINITION_ID, s.field === undefined ? null : s.field, s.agency, s.channel, at(s.receivedAt),
        local(s.legalDueAt), local(s.dueAt === undefined ? s.legalDueAt : s.dueAt), s.status,
        local(s.waitingSince), local(s.finishedAt), local(s.returnedAt),
      ],
    );
  }
}
