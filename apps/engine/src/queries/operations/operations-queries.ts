import type { Database } from '../../persistence/database.js';
import { notFound } from '../../shared/domain-error.js';
import { escapeLike } from '../../operations/migration/migration-batch.js';
import { mean, p90 } from '../../reengineering/sample-statistics.js';
import type { WorkingCalendar } from '@onedoor/working-calendar';
import type {
  AuditEntryView,
  CalledInstance,
  ConsoleActivityView,
  ConsoleDossierView,
  ConsoleHistoryEntryView,
  ConsoleJobView,
  ConsoleTokenView,
  DashboardVersion,
  HeatMap,
  HeatStep,
  IncidentView,
  InstanceConsoleView,
  InstancePageView,
  InstanceSummaryView,
  OperationsDashboard,
} from '@onedoor/contract';

export interface InstanceFilter {
  definitionKey?: string;
  version?: number;
  definitionId?: string;
  state?: 'active' | 'completed' | 'terminated';
  /** Part of the business key (the dossier code). */
  businessKey?: string;
  /** Department of a current step. */
  departmentCode?: string;
  /** An open step past its due date, or a dossier past its appointment. */
  overdue?: boolean;
  withIncident?: boolean;
  suspended?: boolean;
  /** A token at this step. */
  activityId?: string;
  page?: number;
  size?: number;
}

const SUMMARY_COLUMNS = `p.id, p.definition_id AS "definitionId", p.definition_key AS "definitionKey", d.version, d.name AS "procedureName",
  p.business_key AS "businessKey", p.state, p.suspended, p.started_at AS "startedAt", p.ended_at AS "endedAt", p.parent_instance_id AS "parentInstanceId",
  coalesce((SELECT json_agg(json_build_object('activityId', t.element_id, 'name', t.name, 'departmentCode', t.department_code, 'dueAt', t.due_at, 'assignee', t.assignee) ORDER BY t.created_at)
            FROM task t WHERE t.instance_id = p.id), '[]') AS steps,
  (SELECT min(t.due_at) FROM task t WHERE t.instance_id = p.id) AS "dueAt",
  (SELECT count(*) FROM incident i WHERE i.instance_id = p.id AND i.resolved_at IS NULL)::int AS incidents`;

/**
 * The operator's read side (Cockpit's): instances found by procedure, state, dossier code,
 * department, lateness or incident; one instance with everything needed to say where it is and
 * why it is stuck; where a version's dossiers pile up; a procedure's day at a glance.
 */
export class OperationsQueries {
  constructor(private readonly db: Database) {}

  async search(filter: InstanceFilter, now: Date): Promise<InstancePageView> {
    const params: unknown[] = [now];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.definitionKey) add((p) => `p.definition_key = ${p}`, filter.definitionKey);
    if (filter.version !== undefined) add((p) => `d.version = ${p}`, filter.version);
    if (filter.definitionId) add((p) => `p.definition_id = ${p}`, filter.definitionId);
    if (filter.state) add((p) => `p.state = ${p}`, filter.state);
    if (filter.businessKey) add((p) => `p.business_key ILIKE ${p}`, `%${escapeLike(filter.businessKey.trim())}%`);
    if (filter.departmentCode) add((p) => `EXISTS (SELECT 1 FROM task t WHERE t.instance_id = p.id AND t.department_code = ${p})`, filter.departmentCode);
    if (filter.activityId) add((p) => `EXISTS (SELECT 1 FROM execution e WHERE e.instance_id = p.id AND e.activity_id = ${p})`, filter.activityId);
    if (filter.suspended !== undefined) add((p) => `p.suspended = ${p}`, filter.suspended);
    const overdue = `(EXISTS (SELECT 1 FROM task t WHERE t.instance_id = p.id AND t.due_at < $1::timestamptz)
                     OR EXISTS (SELECT 1 FROM dossier o WHERE o.instance_id = p.id AND o.finished_at IS NULL AND o.due_at < $1::timestamptz))`;
    if (filter.overdue !== undefined) where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    const incident = `EXISTS (SELECT 1 FROM incident i WHERE i.instance_id = p.id AND i.resolved_at IS NULL)`;
    if (filter.withIncident !== undefined) where.push(filter.withIncident ? incident : `NOT ${incident}`);
    const size = filter.size ?? 50;
    const page = filter.page ?? 1;
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total, $1::timestamptz AS now FROM process_instance p JOIN process_definition d ON d.id = p.definition_id ${whereSql}`, params);
    const rows = await this.db.query<InstanceSummaryView>(
      `SELECT ${SUMMARY_COLUMNS}, ${overdue} AS overdue
       FROM process_instance p JOIN process_definition d ON d.id = p.definition_id ${whereSql}
       ORDER BY p.started_at DESC, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, size, (page - 1) * size],
    );
    return { items: rows, total, page, size };
  }

  /** One instance as the console shows it: tokens per step with their due state, variables, history, jobs, incidents, audit. */
  async console(id: string, now: Date): Promise<InstanceConsoleView> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Process instance', id);
    const [summary] = await this.db.query<InstanceSummaryView>(
      `SELECT ${SUMMARY_COLUMNS}, false AS overdue FROM process_instance p JOIN process_definition d ON d.id = p.definition_id WHERE p.id = $1`,
      [id],
    );
    if (!summary) throw notFound('Process instance', id);
    const [tokens, variables, history, jobs, incidents, audit, dossier, called] = await Promise.all([
      this.db.query<ConsoleTokenView>(
        `SELECT e.id AS "executionId", e.activity_id AS "activityId", e.state, e.activity_instance_id AS "activityInstanceId",
                h.started_at AS "startedAt", coalesce(t.due_at, h.due_at) AS "dueAt", t.id AS "taskId", t.assignee, coalesce(t.department_code, h.department_code) AS "departmentCode",
                coalesce(t.name, h.activity_name) AS "activityName"
         FROM execution e
         LEFT JOIN hist_activity_instance h ON h.id = e.activity_instance_id AND h.history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1)
         LEFT JOIN task t ON t.execution_id = e.id
         WHERE e.instance_id = $1 AND e.id <> e.instance_id AND e.activity_id IS NOT NULL
         ORDER BY h.started_at NULLS LAST`,
        [id],
      ),
      this.db.query<{ name: string; value: unknown }>(`SELECT name, value FROM variable WHERE instance_id = $1 ORDER BY name`, [id]),
      this.db.query<ConsoleHistoryEntryView>(
        `SELECT h.id, h.activity_id AS "activityId", h.activity_name AS "activityName", h.activity_type AS "activityType", h.started_at AS "startedAt",
                h.ended_at AS "endedAt", h.state, h.assignee, h.department_code AS "departmentCode", h.due_at AS "dueAt", h.task_id AS "taskId",
                h.outcome, h.ended_by AS "endedBy", h.opinion
         FROM hist_activity_instance h
         WHERE h.instance_id = $1 AND h.history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1) ORDER BY h.seq`,
        [id],
      ),
      this.db.query<ConsoleJobView>(
        `SELECT id, type, element_id AS "elementId", due_at AS "dueAt", retries, last_error AS "lastError", lock_owner AS "lockOwner", lock_expires_at AS "lockExpiresAt"
         FROM job WHERE instance_id = $1 ORDER BY due_at`,
        [id],
      ),
      this.db.query<IncidentView>(
        `SELECT id, type, job_id AS "jobId", element_id AS "elementId", message, created_at AS "createdAt", resolved_at AS "resolvedAt"
         FROM incident WHERE instance_id = $1 ORDER BY created_at DESC LIMIT 100`,
        [id],
      ),
      this.db.query<AuditEntryView>(
        `SELECT at, username, operation, entity_type AS "entityType", entity_id AS "entityId", from_state AS "fromState", details
         FROM user_operation WHERE instance_id = $1 ORDER BY seq DESC LIMIT 200`,
        [id],
      ),
      this.db.query<ConsoleDossierView>(
        `SELECT code, status, due_at AS "dueAt", received_at AS "receivedAt", applicant_name AS "applicantName" FROM dossier WHERE instance_id = $1`,
        [id],
      ),
      this.db.query<CalledInstance>(`SELECT id, definition_key AS "definitionKey", state FROM process_instance WHERE parent_instance_id = $1 ORDER BY started_at`, [id]),
    ]);
    const steps = new Map<string, Omit<ConsoleActivityView, 'dueState'>>();
    for (const token of tokens) {
      const step = steps.get(token.activityId) ?? { activityId: token.activityId, name: token.activityName, count: 0, overdue: 0, dueAt: null, tokens: [] };
      step.count += 1;
      if (token.dueAt && new Date(token.dueAt) < now) step.overdue += 1;
      if (token.dueAt && (!step.dueAt || new Date(token.dueAt) < new Date(step.dueAt))) step.dueAt = token.dueAt;
      step.tokens.push(token);
      steps.set(token.activityId, step);
    }
    const openIncidents = incidents.filter((i) => !i.resolvedAt).length;
    return {
      instance: { ...summary, incidents: openIncidents, overdue: [...steps.values()].some((s) => s.overdue > 0) || (!!dossier[0]?.dueAt && summary.state === 'active' && new Date(dossier[0].dueAt) < now) },
      dossier: dossier[0] ?? null,
      activities: [...steps.values()].map((s): ConsoleActivityView => ({ ...s, dueState: s.overdue > 0 ? 'overdue' : s.dueAt ? 'on-time' : 'none' })),
      variables: Object.fromEntries(variables.map((v) => [v.name, v.value])),
      history,
      jobs,
      incidents,
      audit,
      calledInstances: called,
    };
  }

  /**
   * Where a version's dossiers pile up: per step, the tokens there now and how many are past
   * due, and from history the steps done — count, mean and 90th percentile of the working time
   * they took (on the calendar given; elapsed time without one).
   */
  async heatMap(definitionId: string, now: Date, calendar?: WorkingCalendar): Promise<HeatMap> {
    const [definition] = await this.db.query<HeatMap['definition']>(
      `SELECT id, key, version, name, suspended FROM process_definition WHERE id = $1`,
      [definitionId],
    );
    if (!definition) throw notFound('Process definition', definitionId);
    const running = await this.db.query<{ activityId: string; running: number; overdue: number }>(
      `SELECT e.activity_id AS "activityId", count(*)::int AS running,
              count(*) FILTER (WHERE coalesce(t.due_at, h.due_at) < $2)::int AS overdue
       FROM process_instance p
       JOIN execution e ON e.instance_id = p.id AND e.id <> p.id AND e.activity_id IS NOT NULL AND e.state <> 'scope'
       LEFT JOIN task t ON t.execution_id = e.id
       LEFT JOIN hist_activity_instance h ON h.id = e.activity_instance_id AND h.history_month = od_history_month(p.started_at)
       WHERE p.definition_id = $1 AND p.state = 'active'
       GROUP BY e.activity_id`,
      [definitionId, now],
    );
    // The latest 2 000 finished runs of each step, measured on the working calendar (office
    // hours, weekends and holidays off) as the law counts an allowance.
    const finished = await this.db.query<{ activityId: string; startedAt: Date; endedAt: Date }>(
      `SELECT activity_id AS "activityId", started_at AS "startedAt", ended_at AS "endedAt" FROM (
         SELECT activity_id, started_at, ended_at, row_number() OVER (PARTITION BY activity_id ORDER BY ended_at DESC) AS n
         FROM hist_activity_instance
         WHERE definition_id = $1 AND state = 'completed' AND ended_at IS NOT NULL
           AND activity_type IN ('userTask', 'manualTask', 'receiveTask', 'callActivity', 'subProcess', 'intermediateCatchEvent', 'task', 'serviceTask', 'businessRuleTask', 'scriptTask', 'sendTask')
       ) h WHERE n <= 2000`,
      [definitionId],
    );
    const samples = new Map<string, number[]>();
    for (const row of finished) {
      const list = samples.get(row.activityId) ?? [];
      list.push(calendar ? calendar.workingTimeBetween(new Date(row.startedAt), new Date(row.endedAt)) : new Date(row.endedAt).getTime() - new Date(row.startedAt).getTime());
      samples.set(row.activityId, list);
    }
    const done = [...samples].map(([activityId, values]) => ({ activityId, completed: values.length, meanMs: mean(values), p90Ms: p90(values) }));
    const steps = new Map<string, HeatStep>();
    for (const r of running) steps.set(r.activityId, { activityId: r.activityId, running: r.running, overdue: r.overdue, completed: 0, meanMs: null, p90Ms: null });
    for (const d of done) steps.set(d.activityId, { ...(steps.get(d.activityId) ?? { activityId: d.activityId, running: 0, overdue: 0 }), completed: d.completed, meanMs: d.meanMs, p90Ms: d.p90Ms });
    return { definition, steps: [...steps.values()].sort((a, b) => a.activityId.localeCompare(b.activityId)) };
  }

  /** A procedure's versions at a glance: running, completed today, overdue, incidents, mean working time per step (the latest 2 000 runs of each). */
  async dashboard(definitionKey: string, now: Date, dayStart: Date, calendar?: WorkingCalendar): Promise<OperationsDashboard> {
    const versions = await this.db.query<DashboardVersion>(
      `SELECT d.id, d.version, d.name, d.suspended,
              (SELECT count(*) FROM process_instance p WHERE p.definition_id = d.id AND p.state = 'active')::int AS running,
              (SELECT count(*) FROM process_instance p WHERE p.definition_id = d.id AND p.state = 'active' AND p.suspended)::int AS "suspendedInstances",
              (SELECT count(*) FROM process_instance p WHERE p.definition_id = d.id AND p.state = 'completed' AND p.ended_at >= $2)::int AS "completedToday",
              (SELECT count(DISTINCT t.instance_id) FROM task t JOIN process_instance p ON p.id = t.instance_id
                 WHERE p.definition_id = d.id AND t.due_at < $3)::int AS overdue,
              (SELECT count(*) FROM incident i WHERE i.definition_id = d.id AND i.resolved_at IS NULL)::int AS incidents
       FROM process_definition d WHERE d.key = $1 ORDER BY d.version`,
      [definitionKey, dayStart, now],
    );
    if (versions.length === 0) throw notFound('Procedure', definitionKey);
    const runs = await this.db.query<{ activityId: string; name: string | null; startedAt: Date; endedAt: Date }>(
      `SELECT activity_id AS "activityId", activity_name AS name, started_at AS "startedAt", ended_at AS "endedAt" FROM (
         SELECT h.activity_id, h.activity_name, h.started_at, h.ended_at, h.seq, row_number() OVER (PARTITION BY h.activity_id ORDER BY h.ended_at DESC) AS n
         FROM hist_activity_instance h JOIN process_definition d ON d.id = h.definition_id
         WHERE d.key = $1 AND h.state = 'completed' AND h.ended_at IS NOT NULL AND h.activity_type IN ('userTask', 'manualTask', 'receiveTask', 'callActivity')
       ) h WHERE n <= 2000 ORDER BY seq`,
      [definitionKey],
    );
    const perStep = new Map<string, { activityId: string; name: string | null; values: number[] }>();
    for (const run of runs) {
      const step = perStep.get(run.activityId) ?? { activityId: run.activityId, name: run.name, values: [] };
      step.values.push(calendar ? calendar.workingTimeBetween(new Date(run.startedAt), new Date(run.endedAt)) : new Date(run.endedAt).getTime() - new Date(run.startedAt).getTime());
      perStep.set(run.activityId, step);
    }
    const steps = [...perStep.values()].map(({ activityId, name, values }) => ({ activityId, name, completed: values.length, meanMs: mean(values) }));
    const sum = (k: 'running' | 'completedToday' | 'overdue' | 'incidents') => versions.reduce((n, v) => n + v[k], 0);
    return {
      definitionKey,
      running: sum('running'),
      completedToday: sum('completedToday'),
      overdue: sum('overdue'),
      incidents: sum('incidents'),
      versions,
      meanPerStep: steps,
    };
  }
}
