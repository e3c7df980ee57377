import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the national-portal outbox's two readers. The delivery loop takes the oldest
 * undelivered records first (`ORDER BY id` over undelivered rows only, however many were
 * delivered before); the Decision 766 transparency index asks, per dossier of a period, whether
 * it has any record at all, which portal_outbox_pending (undelivered only) cannot answer.
 */
export class PortalOutboxIndexes1764100003000 implements MigrationInterface {
  name = 'PortalOutboxIndexes1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS portal_outbox_undelivered ON portal_outbox (id) WHERE delivered_at IS NULL;
      CREATE INDEX IF NOT EXISTS portal_outbox_dossier ON portal_outbox (dossier_code);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS portal_outbox_dossier; DROP INDEX IF EXISTS portal_outbox_undelivered;`);
  }
}
