import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #22: history that never outgrows the disk, written with one row per step.
 *
 * - A user task used to write two history rows (hist_activity_instance and hist_task_instance)
 *   with the same name, department, role, assignee, due and end. The task's own fields (outcome,
 *   ended_by, allowance, counted, waited time, opinion) now live on the activity row, so a step
 *   costs one insert and one update. `hist_task_instance` stays as a view over the task rows, so
 *   every reader keeps its SQL; the hot ones were rewritten to give the partition key.
 * - Both history tables are partitioned by month (declarative RANGE partitions) on
 *   `history_month`: the first day of the month, in UTC, its instance started. It is fixed per
 *   instance, so a dossier's whole history sits in one partition and goes with it, and every
 *   update names it (primary keys include it) and touches one partition only. A DEFAULT
 *   partition takes rows of a month nobody created yet, so an insert never fails;
 *   od_ensure_history_partition moves them into their month when it is created.
 * - procedure_retention holds each procedure's legal retention; cleanup (history-retention.ts)
 *   drops whole month partitions once every instance in them ended and its retention passed.
 *
 * user_operation (the audit log) is not partitioned here: it is append-only by trigger, records
 * actions on accounts and definitions as well as dossiers, and its retention is the security
 * audit's, not a procedure's. See docs/history-retention.md.
 */
export class PartitionedHistory1764200025000 implements MigrationInterface {
  name = 'PartitionedHistory1764200025000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The partition key of an instance's history: the month (UTC) it started.
      CREATE FUNCTION od_history_month(started timestamptz) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT date_trunc('month', started AT TIME ZONE 'UTC')::date $$;

      -- Creates one month's partition of a history table unless it exists; rows that went to the
      -- DEFAULT partition meanwhile move into it. Serialised by an advisory lock so nodes
      -- calling it at once create each partition once.
      CREATE FUNCTION od_ensure_history_partition(parent text, month date) RETURNS boolean
        LANGUAGE plpgsql AS $$
      DECLARE
        first date := date_trunc('month', month)::date;
        upper date := (date_trunc('month', month) + interval '1 month')::date;
        child text := parent || '_' || to_char(month, '"y"YYYY"m"MM');
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('onedoor:history-partitions'));
        IF to_regclass(child) IS NOT NULL THEN RETURN false; END IF;
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', child, parent);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (history_month >= %L AND history_month < %L)', child, child || '_month', first, upper);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE history_month >= %L AND history_month < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                       parent || '_default', first, upper, child);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, child, first, upper);
        -- The CHECK let ATTACH skip its scan; the partition bound says the same from now on.
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', child, child || '_month');
        RETURN true;
      END $$;

      ALTER TABLE hist_activity_instance RENAME TO hist_activity_instance_old;
      ALTER TABLE hist_task_instance RENAME TO hist_task_instance_old;
      ALTER TABLE hist_variable_update RENAME TO hist_variable_update_old;
      ALTER SEQUENCE hist_activity_instance_seq_seq OWNED BY NONE;
      ALTER SEQUENCE hist_variable_update_seq_seq OWNED BY NONE;
      DROP INDEX hist_activity_instance_instance, hist_activity_instance_definition, hist_task_instance_instance, hist_variable_update_instance;

      CREATE TABLE hist_activity_instance (
        seq bigint NOT NULL DEFAULT nextval('hist_activity_instance_seq_seq'),
        id uuid NOT NULL,
        history_month date NOT NULL,
        instance_id uuid NOT NULL,
        execution_id uuid NOT NULL,
        definition_id text NOT NULL,
        activity_id text NOT NULL,
        activity_name text,
        activity_type text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        state text NOT NULL,
        task_id uuid,
        assignee text,
        department_code text,
        role text,
        due_at timestamptz,
        called_instance_id uuid,
        outcome text,
        ended_by text,
        allowance_days numeric,
        counted boolean,
        waited_ms bigint NOT NULL DEFAULT 0,
        opinion text,
        PRIMARY KEY (id, history_month)
      ) PARTITION BY RANGE (history_month);
      CREATE TABLE hist_activity_instance_default PARTITION OF hist_activity_instance DEFAULT;

      CREATE TABLE hist_variable_update (
        seq bigint NOT NULL DEFAULT nextval('hist_variable_update_seq_seq'),
        history_month date NOT NULL,
        instance_id uuid NOT NULL,
        name text NOT NULL,
        value jsonb,
        at timestamptz NOT NULL,
        by_user text,
        activity_id text,
        PRIMARY KEY (seq, history_month)
      ) PARTITION BY RANGE (history_month);
      CREATE TABLE hist_variable_update_default PARTITION OF hist_variable_update DEFAULT;

      -- Indexes before the data: each partition gets its own as it is attached or filled.
      CREATE INDEX hist_activity_instance_instance ON hist_activity_instance (instance_id, seq);
      CREATE INDEX hist_activity_instance_definition ON hist_activity_instance (definition_id, activity_id);
      -- Completing or looking up a finished task by its id (the runtime task row is gone then).
      CREATE INDEX hist_activity_instance_task ON hist_activity_instance (task_id) WHERE task_id IS NOT NULL;
      CREATE INDEX hist_variable_update_instance ON hist_variable_update (instance_id, seq);

      -- Every month that has history, and the current one and the next three.
      SELECT od_ensure_history_partition(t, m)
      FROM (VALUES ('hist_activity_instance'), ('hist_variable_update')) tables(t),
           (SELECT DISTINCT od_history_month(started_at) AS m FROM process_instance
            UNION SELECT od_history_month(now() + k * interval '1 month') FROM generate_series(0, 3) k) months;

      INSERT INTO hist_activity_instance (seq, id, history_month, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type,
        started_at, ended_at, state, task_id, assignee, department_code, role, due_at, called_instance_id,
        outcome, ended_by, allowance_days, counted, waited_ms, opinion)
      SELECT a.seq, a.id, od_history_month(coalesce(p.started_at, a.started_at)), a.instance_id, a.execution_id, a.definition_id, a.activity_id, a.activity_name, a.activity_type,
             a.started_at, a.ended_at, a.state, a.task_id, coalesce(a.assignee, t.assignee), a.department_code, a.role, a.due_at, a.called_instance_id,
             t.outcome, t.ended_by, t.allowance_days, t.counted, coalesce(t.waited_ms, 0), t.opinion
      FROM hist_activity_instance_old a
      LEFT JOIN process_instance p ON p.id = a.instance_id
      LEFT JOIN hist_task_instance_old t ON t.id = a.task_id;

      -- Task rows without an activity row (written by hand, never by the runtime) are kept as one.
      INSERT INTO hist_activity_instance (id, history_month, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type,
        started_at, ended_at, state, task_id, assignee, department_code, role, due_at, outcome, ended_by, allowance_days, counted, waited_ms, opinion)
      SELECT t.id, od_history_month(coalesce(p.started_at, t.created_at)), t.instance_id, t.id, coalesce(p.definition_id, ''), t.element_id, t.name, 'userTask',
             t.created_at, t.ended_at, CASE WHEN t.ended_at IS NULL THEN 'active' WHEN t.outcome = 'canceled' THEN 'canceled' ELSE 'completed' END,
             t.id, t.assignee, t.department_code, t.role, t.due_at, t.outcome, t.ended_by, t.allowance_days, t.counted, t.waited_ms, t.opinion
      FROM hist_task_instance_old t
      LEFT JOIN process_instance p ON p.id = t.instance_id
      WHERE NOT EXISTS (SELECT 1 FROM hist_activity_instance_old a WHERE a.task_id = t.id);

      INSERT INTO hist_variable_update (seq, history_month, instance_id, name, value, at, by_user, activity_id)
      SELECT v.seq, od_history_month(coalesce(p.started_at, v.at)), v.instance_id, v.name, v.value, v.at, v.by_user, v.activity_id
      FROM hist_variable_update_old v LEFT JOIN process_instance p ON p.id = v.instance_id;

      DROP TABLE hist_activity_instance_old, hist_task_instance_old, hist_variable_update_old;
      ALTER SEQUENCE hist_activity_instance_seq_seq OWNED BY hist_activity_instance.seq;
      ALTER SEQUENCE hist_variable_update_seq_seq OWNED BY hist_variable_update.seq;

      -- The task's history as it was read before: a view over the user and manual task rows.
      CREATE VIEW hist_task_instance AS
        SELECT task_id AS id, instance_id, activity_id AS element_id, activity_name AS name, department_code, role, assignee,
               started_at AS created_at, due_at, ended_at, outcome, ended_by, allowance_days, counted, waited_ms, opinion, history_month
        FROM hist_activity_instance WHERE task_id IS NOT NULL;

      -- Cleanup asks, per month, whether every instance started in it has ended long enough ago.
      CREATE INDEX process_instance_started ON process_instance (started_at);

      -- Legal retention per procedure (definition key), in years; NULL keeps it for good.
      -- Procedures not listed keep the default (ONEDOOR_HISTORY_RETENTION_YEARS, 10 years).
      CREATE TABLE procedure_retention (
        procedure_key text PRIMARY KEY,
        retention_years integer CHECK (retention_years IS NULL OR retention_years > 0),
        legal_basis text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- What cleanup dropped, and why: the register a records officer shows an inspector.
      CREATE TABLE history_cleanup_log (
        seq bigserial PRIMARY KEY,
        history_month date NOT NULL,
        dropped_at timestamptz NOT NULL DEFAULT now(),
        node text,
        instances bigint NOT NULL,
        last_ended_at timestamptz,
        longest_retention_years integer NOT NULL,
        bytes_freed bigint NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE history_cleanup_log, procedure_retention;
      DROP INDEX process_instance_started;
      DROP VIEW hist_task_instance;
      ALTER SEQUENCE hist_activity_instance_seq_seq OWNED BY NONE;
      ALTER SEQUENCE hist_variable_update_seq_seq OWNED BY NONE;
      ALTER TABLE hist_activity_instance RENAME TO hist_activity_instance_part;
      ALTER TABLE hist_variable_update RENAME TO hist_variable_update_part;
      ALTER INDEX hist_activity_instance_instance RENAME TO hist_activity_instance_instance_part;
      ALTER INDEX hist_activity_instance_definition RENAME TO hist_activity_instance_definition_part;
      ALTER INDEX hist_variable_update_instance RENAME TO hist_variable_update_instance_part;

      CREATE TABLE hist_activity_instance (
        seq bigint NOT NULL DEFAULT nextval('hist_activity_instance_seq_seq'), id uuid PRIMARY KEY, instance_id uuid NOT NULL, execution_id uuid NOT NULL,
        definition_id text NOT NULL, activity_id text NOT NULL, activity_name text, activity_type text NOT NULL, started_at timestamptz NOT NULL,
        ended_at timestamptz, state text NOT NULL, task_id uuid, assignee text, department_code text, role text, due_at timestamptz, called_instance_id uuid);
      INSERT INTO hist_activity_instance SELECT seq, id, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type, started_at,
        ended_at, state, task_id, assignee, department_code, role, due_at, called_instance_id FROM hist_activity_instance_part;
      CREATE TABLE hist_task_instance (
        id uuid PRIMARY KEY, instance_id uuid NOT NULL, element_id text NOT NULL, name text, department_code text, role text, assignee text,
        created_at timestamptz NOT NULL, due_at timestamptz, ended_at timestamptz, outcome text, ended_by text,
        allowance_days numeric, counted boolean, waited_ms bigint NOT NULL DEFAULT 0, opinion text);
      INSERT INTO hist_task_instance SELECT task_id, instance_id, activity_id, activity_name, department_code, role, assignee, started_at, due_at, ended_at,
        outcome, ended_by, allowance_days, counted, waited_ms, opinion FROM hist_activity_instance_part WHERE task_id IS NOT NULL;
      CREATE TABLE hist_variable_update (
        seq bigint PRIMARY KEY DEFAULT nextval('hist_variable_update_seq_seq'), instance_id uuid NOT NULL, name text NOT NULL, value jsonb,
        at timestamptz NOT NULL, by_user text, activity_id text);
      INSERT INTO hist_variable_update SELECT seq, instance_id, name, value, at, by_user, activity_id FROM hist_variable_update_part;
      DROP TABLE hist_activity_instance_part, hist_variable_update_part;
      ALTER SEQUENCE hist_activity_instance_seq_seq OWNED BY hist_activity_instance.seq;
      ALTER SEQUENCE hist_variable_update_seq_seq OWNED BY hist_variable_update.seq;
      CREATE INDEX hist_activity_instance_instance ON hist_activity_instance (instance_id, seq);
      CREATE INDEX hist_activity_instance_definition ON hist_activity_instance (definition_id, activity_id);
      CREATE INDEX hist_task_instance_instance ON hist_task_instance (instance_id, created_at);
      CREATE INDEX hist_variable_update_instance ON hist_variable_update (instance_id, seq);
      DROP FUNCTION od_ensure_history_partition(text, date);
      DROP FUNCTION od_history_month(timestamptz);
    `);
  }
}
