import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Departments (agency → division tree), users with roles, and engine-wide settings (the token key). */
export class Organisation1764100001000 implements MigrationInterface {
  name = 'Organisation1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department (
        code text PRIMARY KEY,
        name text NOT NULL,
        parent_code text REFERENCES department(code),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        department_code text REFERENCES department(code),
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX app_user_department ON app_user (department_code);
      CREATE TABLE setting (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE setting, app_user, department`);
  }
}
