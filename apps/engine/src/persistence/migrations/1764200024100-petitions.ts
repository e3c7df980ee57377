import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #24: citizens' petitions (phản ánh, kiến nghị) about administrative rules. Each runs as an
 * instance of the petitions procedure on the same engine and inbox; this row is the petition as
 * the public and the reports see it, kept in step with its instance in the same transaction.
 */
export class Petitions1764200024100 implements MigrationInterface {
  name = 'Petitions1764200024100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS petition (
        id bigserial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        instance_id uuid NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN ('online', 'direct', 'postal')),
        sender_name text NOT NULL,
        sender_phone text,
        sender_email text,
        sender_address text,
        subject text NOT NULL,
        content text NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processing', 'transferred', 'answered')),
        kind text,
        transferred_to text,
        answer text,
        answer_number text,
        finished_at timestamptz,
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS petition_received ON petition (received_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS petition_published ON petition (published_at DESC) WHERE published_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS petition`);
  }
}
