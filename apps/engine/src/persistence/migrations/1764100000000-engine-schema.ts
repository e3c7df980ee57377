import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's schema: deployments and versioned definitions; runtime tables (instances,
 * executions, tasks, variables, jobs, subscriptions, incidents) that shrink as work finishes; and
 * append-only history (activity and task instances, variable updates, the audit log).
 */
export class EngineSchema1764100000000 implements MigrationInterface {
  name = 'EngineSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deployment (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        source text,
        deployed_by text,
        deployed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE process_definition (
        id text PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        deployment_id uuid NOT NULL REFERENCES deployment(id),
        resource_name text NOT NULL,
        bpmn_xml text NOT NULL,
        sha256 text NOT NULL,
        procedure_code text,
        statutory_days numeric,
        field text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      );
      CREATE INDEX process_definition_key_sha ON process_definition (key, sha256);

      CREATE TABLE process_instance (
        id uuid PRIMARY KEY,
        definition_id text NOT NULL REFERENCES process_definition(id),
        definition_key text NOT NULL,
        business_key text,
        state text NOT NULL CHECK (state IN ('active', 'completed', 'terminated')),
        parent_instance_id uuid REFERENCES process_instance(id),
        parent_execution_id uuid,
        root_instance_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        started_by text,
        revision integer NOT NULL DEFAULT 0
      );
      CREATE INDEX process_instance_business_key ON process_instance (business_key) WHERE business_key IS NOT NULL;
      CREATE INDEX process_instance_definition ON process_instance (definition_id, state);
      CREATE INDEX process_instance_parent_execution ON process_instance (parent_execution_id) WHERE parent_execution_id IS NOT NULL;

      CREATE TABLE execution (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        parent_id uuid,
        activity_id text,
        state text NOT NULL CHECK (state IN ('active', 'waiting', 'joining', 'scope')),
        incoming_flow_id text,
        activity_instance_id uuid,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX execution_instance ON execution (instance_id);

      CREATE TABLE variable (
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        name text NOT NULL,
        value jsonb,
        PRIMARY KEY (instance_id, name)
      );

      CREATE TABLE task (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instance(id),
        execution_id uuid NOT NULL,
        element_id text NOT NULL,
        name text,
        kind text NOT NULL,
        definition_id text NOT NULL,
        definition_key text NOT NULL,
        business_key text,
        department_code text,
        role text,
        assignee text,
        created_at timestamptz NOT NULL,
        due_at timestamptz,
        activity_instance_id uuid NOT NULL,
        revision integer NOT NULL DEFAULT 0
      );
      CREATE INDEX task_instance ON task (instance_id);
      CREATE INDEX task_inbox ON task (department_code, role, due_at);
      CREATE INDEX task_assignee ON task (assignee, due_at) WHERE assignee IS NOT NULL;

      CREATE TABLE job (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        instance_id uuid,
        execution_id uuid,
        element_id text NOT NULL,
        definition_id text NOT NULL,
        due_at timestamptz NOT NULL,
        retries integer NOT NULL DEFAULT 3,
        payload jsonb NOT NULL DEFAULT '{}',
        lock_owner text,
        lock_expires_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX job_due ON job (due_at) WHERE retries > 0;
      CREATE INDEX job_instance ON job (instance_id);

      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        job_id uuid,
        instance_id uuid,
        element_id text,
        definition_id text,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      );
      CREATE INDEX incident_open ON incident (created_at) WHERE resolved_at IS NULL;

      CREATE TABLE event_subscription (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        event_name text NOT NULL,
        business_key text,
        instance_id uuid,
        execution_id uuid,
        element_id text NOT NULL,
        definition_id text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX event_subscription_name ON event_subscription (event_name, business_key);
      CREATE INDEX event_subscription_instance ON event_subscription (instance_id);

      CREATE TABLE hist_activity_instance (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY,
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
        called_instance_id uuid
      );
      CREATE INDEX hist_activity_instance_instance ON hist_activity_instance (instance_id, seq);
      CREATE INDEX hist_activity_instance_definition ON hist_activity_instance (definition_id, activity_id);

      CREATE TABLE hist_task_instance (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL,
        element_id text NOT NULL,
        name text,
        department_code text,
        role text,
        assignee text,
        created_at timestamptz NOT NULL,
        due_at timestamptz,
        ended_at timestamptz,
        outcome text,
        ended_by text
      );
      CREATE INDEX hist_task_instance_instance ON hist_task_instance (instance_id, created_at);

      CREATE TABLE hist_variable_update (
        seq bigserial PRIMARY KEY,
        instance_id uuid NOT NULL,
        name text NOT NULL,
        value jsonb,
        at timestamptz NOT NULL,
        by_user text,
        activity_id text
      );
      CREATE INDEX hist_variable_update_instance ON hist_variable_update (instance_id, seq);

      CREATE TABLE user_operation (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        username text,
        operation text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        instance_id uuid,
        from_state jsonb,
        details jsonb
      );
      CREATE INDEX user_operation_instance ON user_operation (instance_id, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE user_operation, hist_variable_update, hist_task_instance, hist_activity_instance,
        event_subscription, incident, job, task, variable, execution, process_instance,
        process_definition, deployment;
    `);
  }
}
