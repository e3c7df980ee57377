import type { Database } from '../../persistence/database.js';
import { notFound } from '../../shared/domain-error.js';
import type { Agency, DossierDocument, DossierEvent, DossierFacts } from '../../documents/document-data.js';
import { handOffsOf, type TaskHistory } from '../../documents/hand-offs.js';
import { DOCUMENT_VARIABLES, receivedDocumentsOf } from '../../documents/received-documents.js';

interface DossierRow {
  code: string;
  instance_id: string;
  procedure_code: string | null;
  procedure_name: string | null;
  agency_code: string;
  agency_name: string | null;
  applicant_name: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  channel: DossierFacts['channel'];
  received_at: Date;
  received_by_name: string | null;
  statutory_days: string | null;
  legal_due_at: Date | null;
  due_at: Date | null;
  status: number;
  finished_at: Date | null;
  returned_at: Date | null;
  form_version: string;
}

type TaskRow = Omit<TaskHistory, 'allowanceDays'> & { allowanceDays: string | null; agencyCode: string | null; agencyName: string | null };

/**
 * Loads everything forms 01–06 print about one dossier: the dossier row, its event log, the
 * documents handed in, and the control-sheet hand-offs from the task history of its instance
 * and every instance it called. People are printed by full name, departments by name.
 */
export class DossierDocumentQuery {
  constructor(private readonly db: Database) {}

  /** The agency a dossier belongs to (for the access check before loading the rest). */
  async agencyOf(code: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ agency_code: string }>(`SELECT agency_code FROM dossier WHERE code = $1`, [code]);
    return row?.agency_code;
  }

  async load(code: string, printedAt: Date): Promise<DossierDocument> {
    const [row] = await this.db.query<DossierRow>(
      `SELECT d.code, d.instance_id, d.procedure_code, d.procedure_name, d.agency_code, a.name AS agency_name,
              d.applicant_name, d.applicant_phone, d.applicant_email, d.channel, d.received_at,
              coalesce(u.full_name, d.received_by) AS received_by_name, d.statutory_days, d.legal_due_at, d.due_at,
              d.status, d.finished_at, d.returned_at, d.form_version
       FROM dossier d
       LEFT JOIN department a ON a.code = d.agency_code
       LEFT JOIN app_user u ON u.username = d.received_by
       WHERE d.code = $1`,
      [code],
    );
    if (!row) throw notFound('Dossier', code);
    const dossier = factsOf(row);
    const [events, documents, tasks] = await Promise.all([this.events(code), this.documents(row.instance_id), this.tasks(row.instance_id)]);
    const origin = { departmentCode: null, departmentName: null, person: dossier.applicant.name };
    const coordinating = new Map<string, Agency>();
    for (const t of tasks) {
      if (t.agencyCode && t.agencyCode !== row.agency_code) coordinating.set(t.agencyCode, { code: t.agencyCode, name: t.agencyName ?? t.agencyCode });
    }
    const history = tasks.map(({ agencyCode: _a, agencyName: _n, ...t }) => ({ ...t, allowanceDays: t.allowanceDays === null ? null : Number(t.allowanceDays) }));
    const supplements = events.flatMap((e) => {
      const data = (e.data ?? {}) as { taskId?: unknown; missing?: unknown };
      return e.kind === 'supplement_requested' && typeof data.taskId === 'string' ? [{ taskId: data.taskId, at: e.at, missing: Array.isArray(data.missing) ? data.missing.map(String) : [] }] : [];
    });
    return { dossier, events, documents, handOffs: handOffsOf(history, origin, supplements), coordinatingAgencies: [...coordinating.values()], printedAt };
  }

  private events(code: string): Promise<DossierEvent[]> {
    return this.db
      .query<DossierEvent & { seq: string }>(
        `SELECT e.seq, e.at, e.kind, coalesce(u.full_name, e.actor) AS actor, e.data
         FROM dossier_event e LEFT JOIN app_user u ON u.username = e.actor
         WHERE e.dossier_code = $1 ORDER BY e.seq`,
        [code],
      )
      .then((rows) => rows.map((e) => ({ ...e, seq: Number(e.seq) })));
  }

  /** From variable history, not the runtime table: a finished instance's variables are gone. */
  private async documents(instanceId: string) {
    const rows = await this.db.query<{ name: string; value: unknown }>(
      `SELECT DISTINCT ON (name) name, value FROM hist_variable_update
       WHERE instance_id = $1 AND history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1)
         AND name = ANY($2::text[]) ORDER BY name, seq DESC`,
      [instanceId, [...DOCUMENT_VARIABLES]],
    );
    for (const name of DOCUMENT_VARIABLES) {
      const found = receivedDocumentsOf(rows.find((r) => r.name === name)?.value);
      if (found.length > 0) return found;
    }
    return [];
  }

  private tasks(instanceId: string): Promise<TaskRow[]> {
    return this.db.query<TaskRow>(
      `WITH RECURSIVE tree AS (
         SELECT id, started_at, 0 AS depth FROM process_instance WHERE id = $1
         UNION ALL SELECT p.id, p.started_at, tree.depth + 1 FROM process_instance p JOIN tree ON p.parent_instance_id = tree.id WHERE tree.depth < 32
       ), roots AS (
         SELECT code, code AS root, 0 AS depth FROM department WHERE parent_code IS NULL
         UNION ALL SELECT d.code, roots.root, roots.depth + 1 FROM department d JOIN roots ON d.parent_code = roots.code WHERE roots.depth < 32
       )
       SELECT h.id, h.opinion, h.name, h.department_code AS "departmentCode", dep.name AS "departmentName",
              coalesce(ua.full_name, h.assignee) AS assignee, coalesce(ue.full_name, h.ended_by) AS "endedBy",
              h.created_at AS "createdAt", h.due_at AS "dueAt", h.ended_at AS "endedAt",
              h.allowance_days AS "allowanceDays", h.outcome,
              roots.root AS "agencyCode", agency.name AS "agencyName"
       FROM hist_task_instance h
       JOIN tree ON tree.id = h.instance_id AND h.history_month = od_history_month(tree.started_at)
       LEFT JOIN department dep ON dep.code = h.department_code
       LEFT JOIN roots ON roots.code = h.department_code
       LEFT JOIN department agency ON agency.code = roots.root
       LEFT JOIN app_user ua ON ua.username = h.assignee
       LEFT JOIN app_user ue ON ue.username = h.ended_by
       ORDER BY h.created_at, h.ended_at NULLS LAST, h.id`,
      [instanceId],
    );
  }
}

function factsOf(row: DossierRow): DossierFacts {
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    agency: { code: row.agency_code, name: row.agency_name ?? row.agency_code },
    applicant: { name: row.applicant_name, phone: row.applicant_phone, email: row.applicant_email },
    channel: row.channel,
    receivedAt: row.received_at,
    receivedBy: row.received_by_name,
    statutoryDays: row.statutory_days === null ? null : Number(row.statutory_days),
    legalDueAt: row.legal_due_at,
    dueAt: row.due_at,
    status: row.status,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    formVersion: row.form_version,
  };
}
