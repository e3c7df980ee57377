import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Variables that belong to one execution rather than the whole instance: each instance of a
 * multi-instance step has its own element variable (`donVi`) and `loopCounter`, its body the
 * `nrOf*` counters. They travel with the execution row, which every command already loads, so
 * local variables cost no extra statement; the column is NULL for the usual token.
 */
export class ExecutionLocalVariables1764117000000 implements MigrationInterface {
  name = 'ExecutionLocalVariables1764117000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE execution ADD COLUMN variables jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE execution DROP COLUMN variables`);
  }
}
