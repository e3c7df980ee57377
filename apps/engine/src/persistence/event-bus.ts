import type { EventBus, ThrownMessage } from '../runtime/ports.js';
import type { Sql } from './database.js';

/**
 * Signals and messages that leave a command's instances, written down in its transaction:
 * a delivery job per receiver (run once, by any node, in a command of its own) or, for a
 * message nobody here waits for, an outbox row. The jobs carry no instance id, so writing them
 * touches no other instance's rows (nor any node's cached copy); the delivery locks the
 * receiving instance when it runs and finds the subscription gone if the token moved on.
 */
export class SqlEventBus implements EventBus {
  constructor(
    private readonly sql: Sql,
    private readonly now: Date,
    private readonly newId: () => string,
  ) {}

  async broadcastSignal(signal: { name: string; variables: Record<string, unknown>; except: string[] }): Promise<number> {
    return (await this.queueSignal(signal)).length;
  }

  /** Queues the signal's deliveries; returns the delivery jobs' ids (to run them straight away). */
  async queueSignal(signal: { name: string; variables: Record<string, unknown>; except: string[] }): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
       SELECT gen_random_uuid(), CASE WHEN s.instance_id IS NULL THEN 'signal-start' ELSE 'signal' END, NULL, NULL, s.element_id, s.definition_id, $3, 3,
              jsonb_build_object('instanceId', s.instance_id, 'subscriptionId', s.id, 'signalName', s.event_name, 'variables', $4::jsonb), $3
       FROM event_subscription s
       WHERE s.type = 'signal' AND s.event_name = $1 AND (s.instance_id IS NULL OR NOT (s.instance_id = ANY($2::uuid[])))
       RETURNING id`,
      [signal.name, signal.except, this.now, JSON.stringify(signal.variables)],
    );
    return rows.map((r) => r.id);
  }

  async sendMessage(message: ThrownMessage, except: string[]): Promise<'correlated' | 'started' | 'outbox'> {
    const payload = { messageName: message.name, businessKey: message.businessKey, variables: message.variables, from: message.fromInstanceId };
    if (message.businessKey !== null) {
      const [receiver] = await this.sql.query<{ id: string; instance_id: string; element_id: string; definition_id: string }>(
        `SELECT id, instance_id, element_id, definition_id FROM event_subscription
         WHERE type = 'message' AND event_name = $1 AND business_key = $2 AND instance_id IS NOT NULL AND NOT (instance_id = ANY($3::uuid[]))
         ORDER BY created_at LIMIT 1`,
        [message.name, message.businessKey, except],
      );
      if (receiver) {
        await this.insertJob('message', receiver.element_id, receiver.definition_id, { ...payload, instanceId: receiver.instance_id, subscriptionId: receiver.id });
        return 'correlated';
      }
    }
    const [start] = await this.sql.query<{ element_id: string; definition_id: string }>(
      `SELECT element_id, definition_id FROM event_subscription WHERE type = 'message' AND event_name = $1 AND instance_id IS NULL LIMIT 1`,
      [message.name],
    );
    if (start) {
      await this.insertJob('message-start', start.element_id, start.definition_id, payload);
      return 'started';
    }
    await this.sql.execute(
      `INSERT INTO message_outbox (id, message_name, business_key, variables, source_instance_id, source_element_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.newId(), message.name, message.businessKey, JSON.stringify(message.variables), message.fromInstanceId, message.fromElementId, this.now],
    );
    return 'outbox';
  }

  private async insertJob(type: string, elementId: string, definitionId: string, payload: Record<string, unknown>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
       VALUES ($1, $2, NULL, NULL, $3, $4, $5, 3, $6, $5)`,
      [this.newId(), type, elementId, definitionId, this.now, JSON.stringify(payload)],
    );
  }
}
