import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The runtime tables are queues: every step inserts a task and deletes the one before, and the
 * execution, variable and instance rows are rewritten per step. PostgreSQL's default upkeep waits
 * for 20% of a table to be dead before vacuuming and 10% changed before re-reading its
 * statistics — for a table of a few thousand open tasks that churns thousands of rows a minute,
 * the indexes fill with dead entries (the inbox index is walked through all of them) and the
 * planner keeps the statistics of an empty table. Vacuum and analyze these after a small share.
 */
const RUNTIME_TABLES = ['task', 'execution', 'variable', 'job', 'event_subscription', 'process_instance'];

export class RuntimeTableUpkeep1764100007000 implements MigrationInterface {
  name = 'RuntimeTableUpkeep1764100007000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of RUNTIME_TABLES) {
      await q.query(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 200,
                                   autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200)`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of RUNTIME_TABLES) {
      await q.query(`ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)`);
    }
  }
}
