import type { ActivityHistoryView } from '@onedoor/contract';
import type { Database } from '../persistence/database.js';
import { notFound } from '../shared/domain-error.js';

export interface InstanceView {
  id: string;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated';
  startedAt: Date;
  endedAt: Date | null;
  parentInstanceId: string | null;
  activeActivityIds: string[];
  variables: Record<string, unknown>;
  incidents: { id: string; elementId: string | null; message: string; createdAt: Date }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read side of process instances. */
export class InstanceQueries {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<InstanceView> {
    if (!UUID.test(id)) throw notFound('Process instance', id);
    const [row] = await this.db.query<Omit<InstanceView, 'activeActivityIds' | 'variables' | 'incidents'> & { active: string[] | null; variables: Record<string, unknown> | null; incidents: InstanceView['incidents'] | null }>(
      `SELECT p.id, p.definition_id AS "definitionId", p.definition_key AS "definitionKey", p.business_key AS "businessKey",
              p.state, p.started_at AS "startedAt", p.ended_at AS "endedAt", p.parent_instance_id AS "parentInstanceId",
              (SELECT array_agg(DISTINCT e.activity_id) FROM execution e WHERE e.instance_id = p.id AND e.activity_id IS NOT NULL) AS active,
              (SELECT json_object_agg(v.name, v.value) FROM variable v WHERE v.instance_id = p.id) AS variables,
              (SELECT json_agg(json_build_object('id', i.id, 'elementId', i.element_id, 'message', i.message, 'createdAt', i.created_at))
                 FROM incident i WHERE i.instance_id = p.id AND i.resolved_at IS NULL) AS incidents
       FROM process_instance p WHERE p.id = $1`,
      [id],
    );
    if (!row) throw notFound('Process instance', id);
    const { active, variables, incidents, ...rest } = row;
    return { ...rest, activeActivityIds: (active ?? []).sort(), variables: variables ?? {}, incidents: incidents ?? [] };
  }

  async history(id: string): Promise<ActivityHistoryView[]> {
    if (!UUID.test(id)) throw notFound('Process instance', id);
    const [exists] = await this.db.query(`SELECT 1 FROM process_instance WHERE id = $1`, [id]);
    if (!exists) throw notFound('Process instance', id);
    return this.db.query<ActivityHistoryView>(
      `SELECT id, activity_id AS "activityId", activity_name AS "activityName", activity_type AS "activityType",
              started_at AS "startedAt", ended_at AS "endedAt", state, assignee, department_code AS "departmentCode",
              role, due_at AS "dueAt", task_id AS "taskId", called_instance_id AS "calledInstanceId"
       FROM hist_activity_instance WHERE instance_id = $1 AND history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1) ORDER BY seq`,
      [id],
    );
  }
}
