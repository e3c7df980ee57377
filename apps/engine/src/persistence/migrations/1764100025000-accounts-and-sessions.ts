import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sign-in that hold up (issue #25):
 * - `login_throttle`: failed sign-ins per (username, address), per address and per username,
 *   shared by every node and kept across restarts (identity/login-policy.ts says what they mean);
 * - `refresh_token`: the long-lived half of a session, stored as a hash, rotated on every use;
 *   a token used twice ends its whole family (someone copied it);
 * - `oidc_login`: the state, nonce and PKCE verifier of a single sign-on in progress, so the
 *   callback may reach any node;
 * - `app_user`: where an account comes from (local or an identity provider's subject), its
 *   second factor, when its password last changed.
 */
export class AccountsAndSessions1764100025000 implements MigrationInterface {
  name = 'AccountsAndSessions1764100025000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL
      );
      CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);

      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        username text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        client text
      );
      CREATE INDEX refresh_token_family ON refresh_token (family_id);
      CREATE INDEX refresh_token_user ON refresh_token (username) WHERE revoked_at IS NULL;
      CREATE INDEX refresh_token_expires ON refresh_token (expires_at);

      CREATE TABLE oidc_login (
        state text PRIMARY KEY,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text,
        created_at timestamptz NOT NULL DEFAULT now(),
        ticket text UNIQUE,
        ticket_username text
      );

      ALTER TABLE app_user
        ADD COLUMN external_subject text UNIQUE,
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN password_changed_at timestamptz,
        ALTER COLUMN password_hash DROP NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user DROP COLUMN IF EXISTS password_changed_at, DROP COLUMN IF EXISTS totp_enabled, DROP COLUMN IF EXISTS totp_last_step,
        DROP COLUMN IF EXISTS totp_secret, DROP COLUMN IF EXISTS external_subject;
      DROP TABLE IF EXISTS oidc_login, refresh_token, login_throttle;
    `);
  }
}
