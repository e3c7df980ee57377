import type { WorkingCalendar } from '../../../../libs/working-calendar/src/index.js';
import type { Database } from '../persistence/database.js';
import { notFound } from '../shared/domain-error.js';
import { PORTAL_STATUS_TEXT } from './portal-status.js';

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
    const current = await this.db.query<{ id: string; name: string; elementId: string; departmentCode: string; assignee: string | null; dueAt: Date | null; suspended: boolean }>(
      `SELECT t.id, t.name, t.element_id AS "elementId", t.department_code AS "departmentCode", t.assignee, t.due_at AS "dueAt", t.suspended
       FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = $1 ORDER BY t.created_at`,
      [d.instance_id],
    );
    return {
      code: d.code,
      processInstanceId: d.instance_id,
      procedureKey: d.procedure_key,
      procedureCode: d.procedure_code,
      procedureName: d.procedure_name,
      field: d.field,
      agencyCode: d.agency_code,
      applicant: { name: d.applicant_name, idNumber: d.applicant_id_number, phone: d.applicant_phone, email: d.applicant_email, type: d.applicant_type },
      channel: d.channel,
      receivedAt: d.received_at,
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
      steps,
      events,
    };
  }

  /**
   * Form 06 as data: one row per hand-off — who passed the dossier to whom and when, the step's
   * allowance, the working time it used (minus any wait for the applicant), early/on time/late.
   */
  async controlSheet(rootInstanceId: string): Promise<ControlSheetRow[]> {
    const rows = await this.db.query<{ id: string; element_id: string; name: string | null; department_code: string | null; department_name: string | null; assignee: string | null; assignee_name: string | null; ended_by: string | null; created_at: Date; ended_at: Date | null; due_at: Date | null; allowance_days: string | null; counted: boolean | null; outcome: string | null; waited_ms: string; opinion: string | null }>(
      `SELECT h.id, h.element_id, h.name, h.department_code, dep.name AS department_name, coalesce(h.assignee, h.ended_by) AS assignee,
              u.full_name AS assignee_name, h.ended_by, h.created_at, h.ended_at, h.due_at,
              h.allowance_days, h.counted, h.outcome, h.waited_ms, h.opinion
       FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id
       LEFT JOIN department dep ON dep.code = h.department_code
       LEFT JOIN app_user u ON u.username = coalesce(h.assignee, h.ended_by)
       WHERE p.root_instance_id = $1 AND (h.outcome IS NULL OR h.outcome <> 'canceled')
       ORDER BY h.created_at, h.id`,
      [rootInstanceId],
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

  async list(filter: { status?: number; overdue?: boolean; departmentCode?: string; agencyCodes?: string[]; from?: Date; to?: Date; now: Date; limit?: number; offset?: number }) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('d.status = ?', filter.status);
    if (filter.overdue) add('d.finished_at IS NULL AND d.due_at < ?', filter.now);
    if (filter.agencyCodes) add('d.agency_code = ANY(?::text[])', filter.agencyCodes);
    if (filter.departmentCode) add('EXISTS (SELECT 1 FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = d.instance_id AND t.department_code = ?)', filter.departmentCode);
    if (filter.from) add('d.received_at >= ?', filter.from);
    if (filter.to) add('d.received_at < ?', filter.to);
    params.push(filter.now, filter.limit ?? 100, filter.offset ?? 0);
    const n = params.length;
    return this.db.query(
      `SELECT d.code, d.instance_id AS "processInstanceId", d.procedure_key AS "procedureKey", d.procedure_name AS "procedureName",
              d.agency_code AS "agencyCode", d.applicant_name AS "applicantName", d.channel, d.received_at AS "receivedAt",
              d.legal_due_at AS "legalDueAt", d.due_at AS "dueAt", d.status, d.finished_at AS "finishedAt",
              (d.finished_at IS NULL AND d.due_at < $${n - 2}) AS overdue, d.violation
       FROM dossier d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.received_at DESC LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
  }
}
