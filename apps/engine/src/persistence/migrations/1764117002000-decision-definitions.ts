import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DMN decisions deployed beside the BPMN that evaluates them (business rule tasks): versioned
 * per decision id like process definitions; a task evaluates the latest version.
 */
export class DecisionDefinitions1764117002000 implements MigrationInterface {
  name = 'DecisionDefinitions1764117002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_definition (
        id text PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        deployment_id uuid NOT NULL REFERENCES deployment(id),
        resource_name text NOT NULL,
        dmn_xml text NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (key, version)
      );
      CREATE INDEX decision_definition_key_sha ON decision_definition (key, sha256);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_definition`);
  }
}
