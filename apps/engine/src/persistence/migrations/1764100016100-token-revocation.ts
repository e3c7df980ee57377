import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens that can be taken back (issue #16). Access tokens stay self-contained (every node checks
 * them without a database round trip), and every node keeps two small lists in memory, refreshed
 * from these tables every few seconds:
 * - `revoked_token`: one signed-out token (logout), kept until it would have expired anyway;
 * - `app_user.token_generation`: bumped when a user's password changes or an administrator ends
 *   all their sessions; a token issued under an older generation is no longer accepted.
 */
export class TokenRevocation1764100016100 implements MigrationInterface {
  name = 'TokenRevocation1764100016100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN token_generation integer NOT NULL DEFAULT 0,
        ADD COLUMN sessions_ended_at timestamptz;
      CREATE INDEX app_user_sessions_ended ON app_user (sessions_ended_at) WHERE sessions_ended_at IS NOT NULL;
      CREATE TABLE revoked_token (
        jti text PRIMARY KEY,
        username text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX revoked_token_revoked_at ON revoked_token (revoked_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS revoked_token;
      DROP INDEX IF EXISTS app_user_sessions_ended;
      ALTER TABLE app_user DROP COLUMN IF EXISTS sessions_ended_at, DROP COLUMN IF EXISTS token_generation;
    `);
  }
}
