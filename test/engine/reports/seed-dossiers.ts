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
  await ensureFixtureDefinition(ds);
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

/**
 * The same dossiers in two statements (their process instances, then the dossiers), as an
 * import or a generator writes many at once: statement-level triggers see them together.
 */
export async function seedDossiersInBulk(ds: DataSource, seeds: DossierSeed[]): Promise<void> {
  await ensureFixtureDefinition(ds);
  const local = (v: string | null | undefined) => (v ? at(v).toISOString() : null);
  const rows = seeds.map((s) => ({
    code: s.code, instance: randomUUID(), field: s.field ?? null, agency: s.agency, channel: s.channel, received: local(s.receivedAt),
    legal_due: local(s.legalDueAt), due: local(s.dueAt === undefined ? s.legalDueAt : s.dueAt), status: s.status,
    waiting: local(s.waitingSince), finished: local(s.finishedAt), returned: local(s.returnedAt),
  }));
  const recordset = `jsonb_to_recordset($1::jsonb) AS r(code text, instance uuid, field text, agency text, channel text, received timestamptz,
    legal_due timestamptz, due timestamptz, status smallint, waiting timestamptz, finished timestamptz, returned timestamptz)`;
  await ds.query(
    `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at)
     SELECT instance, $2, 'report-fixture', code, CASE WHEN finished IS NULL THEN 'active' ELSE 'completed' END, instance, received FROM ${recordset}`,
    [JSON.stringify(rows), DEFINITION_ID],
  );
  await ds.query(
    `INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, field, agency_code,
                          applicant_name, channel, received_at, clock_started_at, legal_due_at, due_at, status,
                          waiting_since, finished_at, returned_at, form_version)
     SELECT code, instance, $2, 'report-fixture', '1.001806', 'Thủ tục mẫu', field, agency, 'Nguyễn Văn A', channel, received, received,
            legal_due, due, status, waiting, finished, returned, '03/2025' FROM ${recordset}`,
    [JSON.stringify(rows), DEFINITION_ID],
  );
}

async function ensureFixtureDefinition(ds: DataSource): Promise<void> {
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
}
