import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages thrown by send tasks and message throw/end events that no process of this engine
 * waits for: they wait here for delivery to the other agency's system (an integration polls
 * and acknowledges them), written in the same transaction as the step that sent them.
 */
export class MessageOutbox1764117001000 implements MigrationInterface {
  name = 'MessageOutbox1764117001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE message_outbox (
        id uuid PRIMARY KEY,
        message_name text NOT NULL,
        business_key text,
        variables jsonb NOT NULL DEFAULT '{}',
        source_instance_id uuid NOT NULL,
        source_element_id text NOT NULL,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        delivered_by text
      );
      CREATE INDEX message_outbox_pending ON message_outbox (created_at) WHERE delivered_at IS NULL;
      CREATE INDEX event_subscription_signal ON event_subscription (event_name) WHERE type = 'signal';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS event_subscription_signal; DROP TABLE message_outbox`);
  }
}
