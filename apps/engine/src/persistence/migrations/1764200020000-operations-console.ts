import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20, the operations console: suspension of an instance (its steps can't be completed,
 * its jobs don't run) and of a procedure version (no new dossier starts on it); migration
 * batches and the result per instance (moved or refused, and why), so a batch run by the job
 * executors of any node can be followed and resumed.
 */
export class OperationsConsole1764200020000 implements MigrationInterface {
  name = 'OperationsConsole1764200020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE process_instance ADD COLUMN IF NOT EXISTS suspended boolean NOT NULL DEFAULT false;
      ALTER TABLE process_definition ADD COLUMN IF NOT EXISTS suspended boolean NOT NULL DEFAULT false;
      CREATE INDEX IF NOT EXISTS process_instance_suspended ON process_instance (id) WHERE suspended;
      CREATE INDEX IF NOT EXISTS process_instance_active_key ON process_instance (definition_key, started_at) WHERE state = 'active';
      CREATE INDEX IF NOT EXISTS incident_instance ON incident (instance_id) WHERE resolved_at IS NULL;

      CREATE TABLE IF NOT EXISTS migration_batch (
        id uuid PRIMARY KEY,
        source_definition_id text NOT NULL REFERENCES process_definition(id),
        target_definition_id text NOT NULL REFERENCES process_definition(id),
        plan jsonb NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL,
        total integer NOT NULL
      );
      CREATE TABLE IF NOT EXISTS migration_batch_item (
        batch_id uuid NOT NULL REFERENCES migration_batch(id),
        instance_id uuid NOT NULL,
        business_key text,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'moved', 'refused')),
        reason text,
        from_activities jsonb,
        to_activities jsonb,
        finished_at timestamptz,
        PRIMARY KEY (batch_id, instance_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS migration_batch_item;
      DROP TABLE IF EXISTS migration_batch;
      DROP INDEX IF EXISTS incident_instance;
      DROP INDEX IF EXISTS process_instance_active_key;
      DROP INDEX IF EXISTS process_instance_suspended;
      ALTER TABLE process_definition DROP COLUMN IF EXISTS suspended;
      ALTER TABLE process_instance DROP COLUMN IF EXISTS suspended;
    `);
  }
}
