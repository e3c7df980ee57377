import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18: what an officer wrote when finishing a step — the opinion (ý kiến) on completion,
 * the reason on a return — kept with the step in history, where the control sheet reads it.
 */
export class StepOpinions1764200018000 implements MigrationInterface {
  name = 'StepOpinions1764200018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hist_task_instance ADD COLUMN IF NOT EXISTS opinion text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hist_task_instance DROP COLUMN IF EXISTS opinion`);
  }
}
