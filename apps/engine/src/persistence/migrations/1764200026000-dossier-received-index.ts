import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Period reports (II.06a, the dashboard) read the dossiers received in the period as one range
 * of receipt times (period-dossiers-sql.ts). The existing receipt indexes lead with the agency or
 * the field, so a report over every agency could not use them, and at 10 million dossiers the
 * planner read the whole table for a quarter. Dossiers are written in the order they are
 * received, so the range's rows sit together on disk and the index scan reads little else.
 */
export class DossierReceivedIndex1764200026000 implements MigrationInterface {
  name = 'DossierReceivedIndex1764200026000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS dossier_received_at ON dossier (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS dossier_received_at`);
  }
}
