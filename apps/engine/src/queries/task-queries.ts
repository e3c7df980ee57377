import type { TaskView } from '@onedoor/contract';
import type { Database } from '../persistence/database.js';
import { notFound } from '../shared/domain-error.js';

export type { TaskView };

/** Which open tasks a reader may see: everything, or a department (optionally one role). */
export type TaskScope = { all: true } | { departmentCode: string; roles?: string[] };

export interface TaskFilter {
  scope: TaskScope;
  /** Only tasks assigned to this user. */
  assignee?: string;
  /** Only unassigned tasks (the department's candidates). */
  unassigned?: boolean;
  overdue?: boolean;
  processInstanceId?: string;
  departmentCode?: string;
  now: Date;
  offset?: number;
  limit?: number;
}

export const TASK_COLUMNS = `t.id, t.name, t.element_id AS "elementId", t.kind, t.instance_id AS "processInstanceId",
  t.definition_id AS "definitionId", t.definition_key AS "definitionKey", t.business_key AS "businessKey",
  t.business_key AS "dossierCode", t.department_code AS "departmentCode", t.role, t.assignee,
  t.created_at AS "createdAt", t.due_at AS "dueAt"`;

/** Read side of the inbox: open tasks, sorted by due time (no due date last). */
export class TaskQueries {
  constructor(private readonly db: Database) {}

  async list(filter: TaskFilter): Promise<{ items: TaskView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!('all' in filter.scope)) {
      add('t.department_code = ?', filter.scope.departmentCode);
      if (filter.scope.roles) add('(t.role IS NULL OR t.role = ANY(?::text[]))', filter.scope.roles);
    }
    if (filter.assignee) add('t.assignee = ?', filter.assignee);
    if (filter.unassigned) where.push('t.assignee IS NULL');
    if (filter.overdue) add('t.due_at < ?', filter.now);
    if (filter.departmentCode) add('t.department_code = ?', filter.departmentCode);
    let source = 'task t';
    if (filter.processInstanceId) {
      // One instance's tasks are a handful: find them through task_instance first, fenced
      // (OFFSET 0) so the plan cannot AND in the department's inbox index as well — that index
      // walks every entry of the department, dead ones too until vacuum, and the plan is generic
      // (keyed), made once for every instance.
      params.push(filter.processInstanceId);
      source = `(SELECT * FROM task WHERE instance_id = $${params.length}::uuid OFFSET 0) t`;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    params.push(filter.now);
    const nowParam = `$${params.length}`;
    params.push(filter.limit ?? 50, filter.offset ?? 0);
    const rows = await this.db.query<TaskView & { total: string }>(
      `SELECT ${TASK_COLUMNS}, (t.due_at IS NOT NULL AND t.due_at < ${nowParam}) AS overdue, count(*) OVER () AS total
       FROM ${source} ${clause}
       ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
      { keyed: true },
    );
    return { items: rows.map(({ total: _total, ...task }) => task), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async get(id: string, now: Date): Promise<TaskView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Task', id);
    const [row] = await this.db.query<TaskView>(`SELECT ${TASK_COLUMNS}, (t.due_at IS NOT NULL AND t.due_at < $2) AS overdue FROM task t WHERE t.id = $1`, [id, now], { keyed: true });
    if (!row) throw notFound('Task', id);
    return row;
  }
}
