import type { Sql } from '../database.js';

/** Event subscriptions found by their event, not by their instance (message correlation). */
export const eventSubscriptionStore = {
  /** At most two executions waiting for `messageName`, narrowed to an instance and/or business key. */
  async waitingFor(sql: Pick<Sql, 'query'>, messageName: string, narrow: { instanceId?: string | null; businessKey?: string | null }) {
    const params: unknown[] = [messageName];
    let filter = '';
    if (narrow.instanceId) {
      params.push(narrow.instanceId);
      filter += ` AND instance_id = $${params.length}`;
    }
    if (narrow.businessKey) {
      params.push(narrow.businessKey);
      filter += ` AND business_key = $${params.length}`;
    }
    return sql.query<{ id: string; instance_id: string; execution_id: string; element_id: string }>(
      `SELECT id, instance_id, execution_id, element_id FROM event_subscription
       WHERE type = 'message' AND event_name = $1 AND instance_id IS NOT NULL${filter} ORDER BY created_at LIMIT 2`,
      params,
    );
  },

  /** The message start event that `messageName` starts, if a deployed definition has one. */
  async messageStart(sql: Pick<Sql, 'query'>, messageName: string): Promise<{ definition_id: string; element_id: string } | undefined> {
    const [start] = await sql.query<{ definition_id: string; element_id: string }>(
      `SELECT definition_id, element_id FROM event_subscription WHERE type = 'message' AND event_name = $1 AND instance_id IS NULL LIMIT 1`,
      [messageName],
    );
    return start;
  },
};
