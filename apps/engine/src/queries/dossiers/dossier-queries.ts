import type { WorkingCalendar } from '@onedoor/working-calendar';
import type { Database } from '../../persistence/database.js';
import { notFound } from '../../shared/domain-error.js';
import { PORTAL_STATUS_TEXT } from '../../dossiers/portal-status.js';
import { foldedSql, foldVietnamese } from '../../dossiers/vietnamese-fold.js';
import { DOCUMENT_VARIABLES, receivedDocumentsOf } from '../../documents/received-documents.js';

export interface ControlSheetRow {
  taskId: string;
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  assignee: string | null;
  /** The assignee's full name (what pages print; `assignee` is the username). */
  assigneeName: string | null;
  fromDepartmentCode: string | null;
  fromAssignee: string | null;
  startedAt: Date;
  completedAt: Date | null;
  dueAt: Date | null;
  allowanceDays: number | null;
  counted: boolean;
  outcome: string | null;
  usedWorkingHours: number | null;
  waitedWorkingHours: number;
  result: 'early' | 'on_time' | 'late' | null;
  /** What the officer wrote: the opinion on completion, the reason on a return. */
  opinion: string | null;
  /** Supplements asked at this step (form 02): when, what was missing. */
  supplementRequests: { at: Date; missing: string[]; note: string | null }[];
}

const HOUR = 3600_000;

/**
 * The steps of a dossier's control sheet: $1 its instances (the root and any it called), $2 the
 * months their history is in. The months come as values, not from a join, so the planner reads
 * only those partitions (plan-time pruning); joined to process_instance, it planned every
 * month's partition and spent more time planning than reading.
 */
export const CONTROL_SHEET_SQL = `SELECT h.id, h.element_id, h.name, h.department_code, dep.name AS department_name, coalesce(h.assignee, h.ended_by) AS assignee,
              u.full_name AS assignee_name, h.ended_by, h.created_at, h.ended_at, h.due_at,
              h.allowance_days, h.counted, h.outcome, h.waited_ms, h.opinion
       FROM hist_task_instance h
       LEFT JOIN department dep ON dep.code = h.department_code
       LEFT JOIN app_user u ON u.username = coalesce(h.assignee, h.ended_by)
       WHERE h.instance_id = ANY($1::uuid[]) AND h.history_month = ANY($2::date[]) AND (h.outcome IS NULL OR h.outcome <> 'canceled')
       ORDER BY h.created_at, h.id`;

/** A dossier's instances (root and called) and the history months they are in. */
export const DOSSIER_INSTANCES_SQL = `SELECT array_agg(id) AS ids, array_agg(DISTINCT to_char(od_history_month(started_at), 'YYYY-MM-DD')) AS months
       FROM process_instance WHERE root_instance_id = $1`;

/** Read side of dossiers: the record, its control sheet (form 06 as data) and lists. */
export class DossierQueries {
  constructor(
    private readonly db: Database,
    private readonly calendar: () => WorkingCalendar,
  ) {}

  async get(code: string, now: Date) {
    const [d] = await this.db.query<Record<string, unknown> & { instance_id: string; status: number; due_at: Date | null; finished_at: Date | null; agency_code: string }>(`SELECT * FROM dossier WHERE code = $1`, [code]);
    if (!d) throw notFound('Dossier', code);
    const steps = await this.controlSheet(d.instance_id);
    const events = await this.db.query(`SELECT at, kind, actor, data FROM dossier_event WHERE dossier_code = $1 ORDER BY seq`, [code]);
    const handedIn = await this.db.query<{ name: string; value: unknown }>(
      `SELECT DISTINCT ON (name) name, value FROM hist_variable_update WHERE instance_id = $1 AND history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1) AND name = ANY($2::text[]) ORDER BY name, seq DESC`,
      [d.instance_id, [...DOCUMENT_VARIABLES]],
    );
    const documents = DOCUMENT_VARIABLES.map((name) => receivedDocumentsOf(handedIn.find((r) => r.name === name)?.value)).find((list) => list.length > 0) ?? [];
    const current = await this.db.query<{ id: string; name: string; elementId: string; departmentCode: string; assignee: string | null; dueAt: Date | null; suspended: boolean }>(
      `SELECT t.id, t.name, t.element_id AS "elementId", t.department_code AS "departmentCode", t.assignee, t.due_at AS "dueAt", t.suspended
       FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = $1 ORDER BY t.created_at`,
      [d.instance_id],
    );
    return {
      code: d.code,
      processInstanceId: d.instance_id,
      definitionId: d.definition_id,
      procedureKey: d.procedure_key,
      procedureCode: d.procedure_code,
      procedureName: d.procedure_name,
      field: d.field,
      agencyCode: d.agency_code,
      applicant: { name: d.applicant_name, idNumber: d.applicant_id_number, phone: d.applicant_phone, email: d.applicant_email, type: d.applicant_type },
      channel: d.channel,
      receivedAt: d.received_at,
      receivedBy: d.received_by,
      clockStartedAt: d.clock_started_at,
      statutoryDays: d.statutory_days === null ? null : Number(d.statutory_days),
      legalDueAt: d.legal_due_at,
      dueAt: d.due_at,
      status: d.status,
      statusText: PORTAL_STATUS_TEXT[d.status],
      overdue: !d.finished_at && d.due_at !== null && d.due_at.getTime() < now.getTime(),
      waitingSince: d.waiting_since,
      finishedAt: d.finished_at,
      returnedAt: d.returned_at,
      result: d.finished_at && d.legal_due_at ? this.calendar().classify(d.finished_at as Date, d.legal_due_at as Date) : null,
      apologies: d.apology_count,
      violation: d.violation,
      formVersion: d.form_version,
      currentSteps: current,
      documents,
      steps,
      events,
    };
  }

  /**
   * Form 06 as data: one row per hand-off — who passed the dossier to whom and when, the step's
   * allowance, the working time it used (minus any wait for the applicant), early/on time/late.
   */
  private async historyKeysOf(rootInstanceId: string): Promise<[string[], string[]]> {
    const [row] = await this.db.query<{ ids: string[] | null; months: string[] | null }>(DOSSIER_INSTANCES_SQL, [rootInstanceId]);
    return [row?.ids ?? [], row?.months ?? []];
  }

  async controlSheet(rootInstanceId: string): Promise<ControlSheetRow[]> {
    const rows = await this.db.query<{ id: string; element_id: string; name: string | null; department_code: string | null; department_name: string | null; assignee: string | null; assignee_name: string | null; ended_by: string | null; created_at: Date; ended_at: Date | null; due_at: Date | null; allowance_days: string | null; counted: boolean | null; outcome: string | null; waited_ms: string; opinion: string | null }>(
      CONTROL_SHEET_SQL,
      await this.historyKeysOf(rootInstanceId),
    );
    const supplements = await this.db.query<{ at: Date; data: { taskId?: string; missing?: string[]; note?: string | null } }>(
      `SELECT e.at, e.data FROM dossier_event e JOIN dossier d ON d.code = e.dossier_code
       WHERE d.instance_id = $1 AND e.kind = 'supplement_requested' ORDER BY e.seq`,
      [rootInstanceId],
    );
    const calendar = this.calendar();
    let previous: (typeof rows)[number] | undefined;
    return rows.map((r) => {
      const waited = Number(r.waited_ms);
      const used = r.ended_at ? Math.max(0, calendar.workingTimeBetween(r.created_at, r.ended_at) - waited) : null;
      const row: ControlSheetRow = {
        taskId: r.id,
        elementId: r.element_id,
        name: r.name,
        departmentCode: r.department_code,
        departmentName: r.department_name,
        assignee: r.assignee,
        assigneeName: r.assignee_name,
        fromDepartmentCode: previous?.department_code ?? null,
        fromAssignee: previous ? previous.ended_by ?? previous.assignee : null,
        startedAt: r.created_at,
        completedAt: r.ended_at,
        dueAt: r.due_at,
        allowanceDays: r.allowance_days === null ? null : Number(r.allowance_days),
        counted: r.counted !== false,
        outcome: r.outcome,
        usedWorkingHours: used === null ? null : Math.round((used / HOUR) * 100) / 100,
        waitedWorkingHours: Math.round((waited / HOUR) * 100) / 100,
        result: r.ended_at && r.due_at ? calendar.classify(r.ended_at, r.due_at) : null,
        opinion: r.opinion,
        supplementRequests: supplements
          .filter((e) => e.data?.taskId === r.id)
          .map((e) => ({ at: e.at, missing: Array.isArray(e.data.missing) ? e.data.missing.map(String) : [], note: e.data.note ?? null })),
      };
      if (r.ended_at) previous = r;
      return row;
    });
  }

  /**
   * The dossier search (issue #18): every key an officer finds a dossier again by — code,
   * applicant (diacritics optional), identity number, phone, procedure, status, received and due
   * ranges, overdue — within the agencies the caller may see (its own, and a partner agency's
   * dossiers it has worked a step of). Newest first; `total` counts every match.
   */
  async list(filter: DossierSearch): Promise<{ items: DossierListItem[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const add = (sql: string, v: unknown) => where.push(sql.replace('?', param(v)));
    if (filter.status) add('d.status = ?', filter.status);
    if (filter.overdue) add('d.finished_at IS NULL AND d.due_at < ?', filter.now);
    if (filter.agencyCodes) {
      const agencies = param(filter.agencyCodes);
      where.push(`(d.agency_code = ANY(${agencies}::text[]) OR EXISTS (
        SELECT 1 FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id AND h.history_month = od_history_month(p.started_at) JOIN department dep ON dep.code = h.department_code
        WHERE p.root_instance_id = d.instance_id AND (dep.code = ANY(${agencies}::text[]) OR dep.parent_code = ANY(${agencies}::text[]))))`);
    }
    if (filter.departmentCode) add('EXISTS (SELECT 1 FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = d.instance_id AND t.department_code = ?)', filter.departmentCode);
    if (filter.from) add('d.received_at >= ?', filter.from);
    if (filter.to) add('d.received_at < ?', filter.to);
    if (filter.dueFrom) add('d.due_at >= ?', filter.dueFrom);
    if (filter.dueTo) add('d.due_at < ?', filter.dueTo);
    if (filter.code) add('d.code ILIKE ?', `%${escapeLike(filter.code.trim())}%`);
    if (filter.applicant) add(`${foldedSql('d.applicant_name')} LIKE ?`, `%${escapeLike(foldVietnamese(filter.applicant.trim()))}%`);
    if (filter.idNumber) add('d.applicant_id_number = ?', filter.idNumber.trim());
    if (filter.phone) add(`regexp_replace(d.applicant_phone, '[^0-9]', '', 'g') = ?`, filter.phone.replace(/\D/g, ''));
    if (filter.procedureKey) add('d.procedure_key = ?', filter.procedureKey);
    if (filter.procedureCode) add('d.procedure_code = ?', filter.procedureCode);
    if (filter.q) {
      const text = filter.q.trim();
      const like = param(`%${escapeLike(text)}%`);
      const folded = param(`%${escapeLike(foldVietnamese(text))}%`);
      const digits = text.replace(/\D/g, '');
      where.push(`(d.code ILIKE ${like} OR ${foldedSql('d.applicant_name')} LIKE ${folded} OR d.applicant_id_number = ${param(text)}${
        digits.length >= 8 ? ` OR regexp_replace(d.applicant_phone, '[^0-9]', '', 'g') = ${param(digits)}` : ''
      })`);
    }
    const now = param(filter.now);
    const limit = param(filter.limit ?? 100);
    const offset = param(filter.offset ?? 0);
    const rows = await this.db.query<DossierListItem & { total: string }>(
      `SELECT d.code, d.instance_id AS "processInstanceId", d.definition_id AS "definitionId", d.procedure_key AS "procedureKey",
              d.procedure_code AS "procedureCode", d.procedure_name AS "procedureName",
              d.agency_code AS "agencyCode", d.applicant_name AS "applicantName", d.applicant_id_number AS "applicantIdNumber",
              d.channel, d.received_at AS "receivedAt", d.received_by AS "receivedBy",
              d.legal_due_at AS "legalDueAt", d.due_at AS "dueAt", d.status, d.finished_at AS "finishedAt", d.returned_at AS "returnedAt",
              (d.finished_at IS NULL AND d.due_at < ${now}) AS overdue, d.violation,
              (SELECT coalesce(json_agg(json_build_object('name', t.name, 'departmentCode', t.department_code, 'assignee', t.assignee) ORDER BY t.created_at), '[]'::json)
                 FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = d.instance_id) AS "currentSteps",
              count(*) OVER () AS total
       FROM dossier d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.received_at DESC, d.code DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(({ total: _t, ...row }) => row), total: rows.length ? Number(rows[0].total) : 0 };
  }
}

/** The keys a dossier can be found by (GET /api/dossiers). */
export interface DossierSearch {
  status?: number;
  overdue?: boolean;
  departmentCode?: string;
  /** undefined: every agency (admins, managers). */
  agencyCodes?: string[];
  /** Received in [from, to). */
  from?: Date;
  to?: Date;
  /** Appointment (current due date) in [dueFrom, dueTo). */
  dueFrom?: Date;
  dueTo?: Date;
  code?: string;
  applicant?: string;
  idNumber?: string;
  phone?: string;
  procedureKey?: string;
  procedureCode?: string;
  /** One box for code, applicant, identity number or phone. */
  q?: string;
  now: Date;
  limit?: number;
  offset?: number;
}

export interface DossierListItem {
  code: string;
  processInstanceId: string;
  definitionId: string;
  procedureKey: string;
  procedureCode: string | null;
  procedureName: string | null;
  agencyCode: string;
  applicantName: string;
  applicantIdNumber: string | null;
  channel: string;
  receivedAt: Date;
  receivedBy: string | null;
  legalDueAt: Date | null;
  dueAt: Date | null;
  status: number;
  finishedAt: Date | null;
  returnedAt: Date | null;
  overdue: boolean;
  violation: boolean;
  currentSteps: { name: string | null; departmentCode: string | null; assignee: string | null }[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
