import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #24: telling applicants when their dossier moves. The channels an applicant agreed to
 * (consent, asked at reception) live on the dossier; each notice is an outbox row written in the
 * transaction of the event it reports, delivered by any node with retries.
 */
export class ApplicantNotices1764200024000 implements MigrationInterface {
  name = 'ApplicantNotices1764200024000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier ADD COLUMN IF NOT EXISTS notify_channels text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS applicant_notice (
        id bigserial PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        event text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        delivered_at timestamptz,
        failed_at timestamptz,
        provider_id text,
        last_error text
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS applicant_notice_pending ON applicant_notice (next_attempt_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS applicant_notice_dossier ON applicant_notice (dossier_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS applicant_notice`);
    await q.query(`ALTER TABLE dossier DROP COLUMN IF EXISTS notify_channels`);
  }
}
