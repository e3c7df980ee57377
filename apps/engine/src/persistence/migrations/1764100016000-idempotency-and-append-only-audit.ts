import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two guarantees for clients and auditors when things go wrong (issue #16):
 *
 * - `idempotency_key`: a client that lost the answer to a request that creates something (a
 *   dossier, an instance) — a dropped connection, a 503 during a failover — sends it again with
 *   the same `Idempotency-Key` header and gets the first answer back instead of a second dossier.
 *   The key is claimed in the same transaction as the command, so it is stored exactly when the
 *   command committed. Keys are kept for a day.
 * - The audit log (`user_operation`) is append-only in the database itself: no UPDATE, DELETE or
 *   TRUNCATE gets through, whoever asks, so the legal record of who did what cannot be edited.
 */
export class IdempotencyAndAppendOnlyAudit1764100016000 implements MigrationInterface {
  name = 'IdempotencyAndAppendOnlyAudit1764100016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        username text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username, key)
      );
      CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

      CREATE OR REPLACE FUNCTION od_audit_is_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % is not allowed on %', TG_OP, TG_TABLE_NAME USING ERRCODE = 'OD002';
      END $$;
      CREATE TRIGGER user_operation_append_only BEFORE UPDATE OR DELETE ON user_operation
        FOR EACH ROW EXECUTE FUNCTION od_audit_is_append_only();
      CREATE TRIGGER user_operation_no_truncate BEFORE TRUNCATE ON user_operation
        FOR EACH STATEMENT EXECUTE FUNCTION od_audit_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS user_operation_no_truncate ON user_operation;
      DROP TRIGGER IF EXISTS user_operation_append_only ON user_operation;
      DROP FUNCTION IF EXISTS od_audit_is_append_only();
      DROP TABLE IF EXISTS idempotency_key;
    `);
  }
}
