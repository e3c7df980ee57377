import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossiers (a process instance with a citizen attached), their gap-free daily codes, their own
 * event log (supplements, apologies), deadline notifications, the working-calendar overrides
 * administrators edit, and the national-portal outbox.
 */
export class Dossiers1764100002000 implements MigrationInterface {
  name = 'Dossiers1764100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_sequence (
        agency_code text NOT NULL,
        day date NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (agency_code, day)
      );
      CREATE TABLE dossier (
        code text PRIMARY KEY,
        instance_id uuid NOT NULL UNIQUE REFERENCES process_instance(id) DEFERRABLE INITIALLY DEFERRED,
        definition_id text NOT NULL REFERENCES process_definition(id),
        procedure_key text NOT NULL,
        procedure_code text,
        procedure_name text,
        field text,
        agency_code text NOT NULL,
        applicant_name text NOT NULL,
        applicant_id_number text,
        applicant_phone text,
        applicant_email text,
        applicant_type text NOT NULL DEFAULT 'citizen',
        channel text NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
        received_at timestamptz NOT NULL,
        clock_started_at timestamptz NOT NULL,
        statutory_days numeric,
        legal_due_at timestamptz,
        due_at timestamptz,
        status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
        supplement_policy text NOT NULL DEFAULT 'restart',
        waiting_since timestamptz,
        finished_at timestamptz,
        returned_at timestamptz,
        result text,
        apology_count integer NOT NULL DEFAULT 0,
        violation boolean NOT NULL DEFAULT false,
        form_version text NOT NULL,
        received_by text,
        revision integer NOT NULL DEFAULT 0
      );
      CREATE INDEX dossier_received ON dossier (agency_code, received_at);
      CREATE INDEX dossier_field_received ON dossier (field, received_at);
      CREATE INDEX dossier_open ON dossier (status, due_at) WHERE finished_at IS NULL;
      CREATE INDEX dossier_finished ON dossier (finished_at) WHERE finished_at IS NOT NULL;
      CREATE INDEX dossier_phone ON dossier (code, applicant_phone);
      CREATE INDEX dossier_definition ON dossier (definition_id) WHERE finished_at IS NOT NULL;
      CREATE INDEX process_instance_root ON process_instance (root_instance_id);

      CREATE TABLE dossier_event (
        seq bigserial PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        at timestamptz NOT NULL,
        kind text NOT NULL,
        actor text,
        data jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX dossier_event_dossier ON dossier_event (dossier_code, seq);

      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL,
        department_code text,
        recipient_role text,
        recipient text,
        kind text NOT NULL,
        message text NOT NULL,
        dossier_code text,
        task_id uuid,
        instance_id uuid,
        read_at timestamptz
      );
      CREATE INDEX notification_department ON notification (department_code, created_at DESC);
      CREATE UNIQUE INDEX notification_once ON notification (kind, task_id) WHERE task_id IS NOT NULL;

      CREATE TABLE calendar_override (
        agency_code text NOT NULL DEFAULT '*',
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
        name text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_code, date)
      );

      CREATE TABLE portal_outbox (
        id bigserial PRIMARY KEY,
        dossier_code text NOT NULL,
        created_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text
      );
      CREATE INDEX portal_outbox_pending ON portal_outbox (dossier_code, id) WHERE delivered_at IS NULL;

      ALTER TABLE task ADD COLUMN suspended boolean NOT NULL DEFAULT false;
      ALTER TABLE task ADD COLUMN overdue_notified boolean NOT NULL DEFAULT false;
      CREATE INDEX task_overdue_watch ON task (due_at) WHERE NOT overdue_notified;
      ALTER TABLE hist_task_instance ADD COLUMN allowance_days numeric;
      ALTER TABLE hist_task_instance ADD COLUMN counted boolean;
      ALTER TABLE hist_task_instance ADD COLUMN waited_ms bigint NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE hist_task_instance DROP COLUMN waited_ms, DROP COLUMN counted, DROP COLUMN allowance_days;
      ALTER TABLE task DROP COLUMN overdue_notified, DROP COLUMN suspended;
      DROP TABLE portal_outbox, calendar_override, notification, dossier_event, dossier, dossier_sequence;
    `);
  }
}
