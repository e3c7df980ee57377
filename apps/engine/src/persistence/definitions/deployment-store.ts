import type { Sql } from '../database.js';

/** A definition table: BPMN processes or DMN decisions, versioned per key the same way. */
export type DefinitionTable = 'process_definition' | 'decision_definition';

export interface DeploymentRow {
  id: string;
  name: string;
  source: string | null;
  deployedBy: string;
  deployedAt: Date;
}

/**
 * The rows a deployment writes: the deployment, each new version of a process or decision, and
 * the start events (message, signal, timer) the newest version of a key owns.
 */
export class DeploymentStore {
  constructor(private readonly sql: Sql) {}

  async isDeployed(table: DefinitionTable, key: string): Promise<boolean> {
    const [known] = await this.sql.query(
      table === 'process_definition' ? `SELECT 1 FROM process_definition WHERE key = $1 LIMIT 1` : `SELECT 1 FROM decision_definition WHERE key = $1 LIMIT 1`,
      [key],
    );
    return Boolean(known);
  }

  /** Deploys of one key queue here, so two nodes can't both take the next version number. */
  async lockKey(table: DefinitionTable, key: string): Promise<void> {
    if (table === 'process_definition') await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext('deploy:' || $1))`, [key]);
    else await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext('deploy-decision:' || $1))`, [key]);
  }

  /** The newest version of `key` deployed from these very bytes, if any. */
  async sameBytes(table: DefinitionTable, key: string, sha256: string): Promise<{ id: string; version: number; name: string | null } | undefined> {
    const [same] = await this.sql.query<{ id: string; version: number; name: string | null }>(
      table === 'process_definition'
        ? `SELECT id, version, name FROM process_definition WHERE key = $1 AND sha256 = $2 ORDER BY version DESC LIMIT 1`
        : `SELECT id, version, name FROM decision_definition WHERE key = $1 AND sha256 = $2 ORDER BY version DESC LIMIT 1`,
      [key, sha256],
    );
    return same;
  }

  async nextVersion(table: DefinitionTable, key: string): Promise<number> {
    const [{ next }] = await this.sql.query<{ next: number }>(
      table === 'process_definition'
        ? `SELECT coalesce(max(version), 0) + 1 AS next FROM process_definition WHERE key = $1`
        : `SELECT coalesce(max(version), 0) + 1 AS next FROM decision_definition WHERE key = $1`,
      [key],
    );
    return next;
  }

  async insertDeployment(d: DeploymentRow): Promise<void> {
    await this.sql.execute(`INSERT INTO deployment (id, name, source, deployed_by, deployed_at) VALUES ($1, $2, $3, $4, $5)`, [d.id, d.name, d.source, d.deployedBy, d.deployedAt]);
  }

  async insertProcessDefinition(params: unknown[]): Promise<void> {
    await this.sql.execute(
      `INSERT INTO process_definition (id, key, version, name, deployment_id, resource_name, bpmn_xml, sha256, procedure_code, statutory_days, field, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      params,
    );
  }

  async insertDecisionDefinition(params: unknown[]): Promise<void> {
    await this.sql.execute(
      `INSERT INTO decision_definition (id, key, version, name, deployment_id, resource_name, dmn_xml, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      params,
    );
  }

  /** Drops the start-event subscriptions and start timers of every version of `key`. */
  async dropStartEvents(key: string): Promise<void> {
    await this.sql.execute(
      `DELETE FROM event_subscription WHERE instance_id IS NULL AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)`,
      [key],
    );
    await this.sql.execute(`DELETE FROM job WHERE type = 'timer-start' AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)`, [key]);
  }

  async insertStartSubscription(params: unknown[]): Promise<void> {
    await this.sql.execute(
      `INSERT INTO event_subscription (id, type, event_name, business_key, instance_id, execution_id, element_id, definition_id, created_at)
           VALUES ($1, $2, $3, NULL, NULL, NULL, $4, $5, $6)`,
      params,
    );
  }

  async insertStartTimer(params: unknown[]): Promise<void> {
    await this.sql.execute(
      `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
             VALUES ($1, 'timer-start', NULL, NULL, $2, $3, $4, 3, $5, $6)`,
      params,
    );
  }

  /** The deployment a definition came with. */
  async deploymentOf(table: DefinitionTable, definitionId: string): Promise<{ id: string; name: string; deployed_at: Date }> {
    const [row] = await this.sql.query<{ id: string; name: string; deployed_at: Date }>(
      `SELECT d.id, d.name, d.deployed_at FROM deployment d JOIN ${table === 'decision_definition' ? 'decision_definition' : 'process_definition'} p ON p.deployment_id = d.id WHERE p.id = $1`,
      [definitionId],
    );
    return row;
  }
}
