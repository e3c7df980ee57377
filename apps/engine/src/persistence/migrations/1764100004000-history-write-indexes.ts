import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every step a dossier takes inserts an activity-history row, so each index on that table is
 * paid on every hand-off. `seq` orders an instance's history through
 * hist_activity_instance_instance (instance_id, seq); its own UNIQUE index was never read and
 * a sequence cannot repeat, so it goes.
 */
export class HistoryWriteIndexes1764100004000 implements MigrationInterface {
  name = 'HistoryWriteIndexes1764100004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hist_activity_instance DROP CONSTRAINT IF EXISTS hist_activity_instance_seq_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hist_activity_instance ADD CONSTRAINT hist_activity_instance_seq_key UNIQUE (seq)`);
  }
}
