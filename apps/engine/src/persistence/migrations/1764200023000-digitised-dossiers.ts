import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #23: digitised dossiers. The files of a dossier (its components and its result) with
 * where they are stored and their SHA-256; each reuse of a file an applicant handed in before;
 * the electronic result, the one-time codes and download tokens that release it to the
 * applicant; and the applicant's rating of the service.
 */
export class DigitisedDossiers1764200023000 implements MigrationInterface {
  name = 'DigitisedDossiers1764200023000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_file (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        purpose text NOT NULL CHECK (purpose IN ('component', 'result')),
        component_id text,
        component_kind text NOT NULL,
        component_name text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage text NOT NULL CHECK (storage IN ('pg-large-object', 'directory')),
        storage_key text NOT NULL,
        applicant_id_number text,
        valid_until timestamptz,
        reused_from uuid REFERENCES dossier_file(id),
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        CHECK (purpose = 'result' OR component_id IS NOT NULL)
      );
      CREATE INDEX dossier_file_dossier ON dossier_file (dossier_code, added_at);
      CREATE INDEX dossier_file_reusable ON dossier_file (applicant_id_number, component_kind) WHERE reused_from IS NULL AND applicant_id_number IS NOT NULL;

      CREATE TABLE dossier_file_reuse (
        id bigserial PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        component_id text NOT NULL,
        component_kind text NOT NULL,
        file_id uuid NOT NULL REFERENCES dossier_file(id),
        source_file_id uuid NOT NULL REFERENCES dossier_file(id),
        source_dossier_code text NOT NULL REFERENCES dossier(code),
        applicant_id_number text NOT NULL,
        reused_by text NOT NULL,
        reused_at timestamptz NOT NULL,
        UNIQUE (dossier_code, source_file_id)
      );
      CREATE INDEX dossier_file_reuse_at ON dossier_file_reuse (reused_at);

      ALTER TABLE dossier ADD COLUMN result_electronic boolean NOT NULL DEFAULT false;
      ALTER TABLE dossier ADD COLUMN result_file_id uuid REFERENCES dossier_file(id);
      -- Set when every required component of the dossier has a digitised file (the digitisation index).
      ALTER TABLE dossier ADD COLUMN components_digitised_at timestamptz;

      CREATE TABLE result_access_code (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz
      );
      CREATE INDEX result_access_code_dossier ON result_access_code (dossier_code, created_at DESC);

      CREATE TABLE result_download_token (
        token_hash text PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        expires_at timestamptz NOT NULL
      );

      -- The one-time code goes to the applicants' notice outbox (applicant_notice, migration 1764200024000).

      CREATE TABLE dossier_rating (
        dossier_code text PRIMARY KEY REFERENCES dossier(code),
        rating text NOT NULL CHECK (rating IN ('satisfied', 'normal', 'dissatisfied')),
        comment text,
        rated_at timestamptz NOT NULL
      );
      CREATE INDEX dossier_rating_at ON dossier_rating (rated_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS dossier_rating;
      DROP TABLE IF EXISTS result_download_token;
      DROP TABLE IF EXISTS result_access_code;
      ALTER TABLE dossier DROP COLUMN IF EXISTS components_digitised_at;
      ALTER TABLE dossier DROP COLUMN IF EXISTS result_file_id;
      ALTER TABLE dossier DROP COLUMN IF EXISTS result_electronic;
      DROP TABLE IF EXISTS dossier_file_reuse;
      DROP TABLE IF EXISTS dossier_file;
    `);
  }
}
