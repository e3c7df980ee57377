import type { Database } from '../persistence/database.js';
import { notFound } from '../shared/domain-error.js';

export interface OutboxMessage {
  id: string;
  messageName: string;
  businessKey: string | null;
  variables: Record<string, unknown>;
  processInstanceId: string;
  elementId: string;
  createdAt: Date;
  deliveredAt: Date | null;
}

/**
 * Messages that processes sent and no process of this engine waited for (send tasks, message
 * throw and end events): the integration with the other agency's system takes them here, in
 * the order they were sent, and acknowledges each once delivered — at least once, as any outbox.
 */
export class MessageOutbox {
  constructor(private readonly db: Database) {}

  list(options: { pending: boolean; limit: number }): Promise<OutboxMessage[]> {
    return this.db.query<OutboxMessage>(
      `SELECT id, message_name AS "messageName", business_key AS "businessKey", variables, source_instance_id AS "processInstanceId",
              source_element_id AS "elementId", created_at AS "createdAt", delivered_at AS "deliveredAt"
       FROM message_outbox ${options.pending ? 'WHERE delivered_at IS NULL' : ''} ORDER BY created_at, id LIMIT $1`,
      [options.limit],
    );
  }

  /** Marks a message delivered (again: no change, so a retried acknowledgement is harmless). */
  async acknowledge(id: string, by: string, at: Date): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Outbox message', id);
    const rows = await this.db.query(
      `UPDATE message_outbox SET delivered_at = coalesce(delivered_at, $2), delivered_by = coalesce(delivered_by, $3) WHERE id = $1 RETURNING id`,
      [id, at, by],
    );
    if (rows.length === 0) throw notFound('Outbox message', id);
  }
}
