import type { Database, Sql } from '../database.js';

type Writes = Pick<Sql, 'execute'>;
type Reads = Pick<Sql, 'query'>;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Moving running instances to another version of their procedure: the rows written beside the
 * runtime's unit of work (the instance, its steps, its timers, its open history), and the batch
 * that records each instance's outcome.
 */
export const migrationStore = {
  /**
   * A task now waits at another step (`to`), as does its step's history row — in `month`, the
   * partition of the instance's start month, where every history row of the instance lives.
   */
  async moveTask(
    sql: Writes,
    task: { id: string; activityInstanceId: string; name: string | null; departmentCode: string | null; role: string | null },
    to: string,
    month: string,
  ): Promise<void> {
    await sql.execute(`UPDATE task SET element_id = $2, name = $3, department_code = $4, role = $5 WHERE id = $1`, [task.id, to, task.name, task.departmentCode, task.role]);
    await sql.execute(`UPDATE hist_activity_instance SET activity_id = $3, activity_name = $4, department_code = $5, role = $6 WHERE id = $1 AND history_month = $2`, [
      task.activityInstanceId, month, to, task.name, task.departmentCode, task.role,
    ]);
  },

  async moveActivity(sql: Writes, activityInstanceId: string, to: string, name: string | null, month: string): Promise<void> {
    await sql.execute(`UPDATE hist_activity_instance SET activity_id = $3, activity_name = $4 WHERE id = $1 AND history_month = $2`, [activityInstanceId, month, to, name]);
  },

  /** Every row of the instance names the target version from now on (its open history too). */
  async retarget(sql: Writes, instanceId: string, target: { id: string; key: string }, month: string): Promise<void> {
    await sql.execute(`UPDATE process_instance SET definition_id = $2, definition_key = $3 WHERE id = $1`, [instanceId, target.id, target.key]);
    await sql.execute(`UPDATE task SET definition_id = $2, definition_key = $3 WHERE instance_id = $1`, [instanceId, target.id, target.key]);
    await sql.execute(`UPDATE job SET definition_id = $2 WHERE instance_id = $1`, [instanceId, target.id]);
    await sql.execute(`UPDATE event_subscription SET definition_id = $2 WHERE instance_id = $1`, [instanceId, target.id]);
    await sql.execute(`UPDATE hist_activity_instance SET definition_id = $3 WHERE instance_id = $1 AND history_month = $2 AND ended_at IS NULL`, [instanceId, month, target.id]);
  },

  async retargetDossier(sql: Writes, code: string, definitionId: string): Promise<void> {
    await sql.execute(`UPDATE dossier SET definition_id = $2, revision = revision + 1 WHERE code = $1`, [code, definitionId]);
  },

  async batchPlan<P>(sql: Reads, batchId: string): Promise<{ plan: P } | undefined> {
    const [batch] = await sql.query<{ plan: P }>(`SELECT plan FROM migration_batch WHERE id = $1`, [batchId]);
    return batch;
  },

  async itemRefused(sql: Writes, batchId: string, instanceId: string, reason: string, fromActivities: string, at: Date): Promise<void> {
    await sql.execute(`UPDATE migration_batch_item SET outcome = 'refused', reason = $3, from_activities = $4, finished_at = $5 WHERE batch_id = $1 AND instance_id = $2`, [
      batchId, instanceId, reason, fromActivities, at,
    ]);
  },

  async itemMoved(sql: Writes, batchId: string, instanceId: string, fromActivities: string, toActivities: string, at: Date): Promise<void> {
    await sql.execute(`UPDATE migration_batch_item SET outcome = 'moved', reason = NULL, from_activities = $3, to_activities = $4, finished_at = $5 WHERE batch_id = $1 AND instance_id = $2`, [
      batchId, instanceId, fromActivities, toActivities, at,
    ]);
  },

  /** Active instances of the source version chosen by a selection, with their running steps (at most `limit`). */
  selectInstances(
    sql: Reads,
    sourceDefinitionId: string,
    selection: { instanceIds?: string[]; query?: { businessKey?: string; activityId?: string } },
    limit: number,
  ): Promise<{ id: string; business_key: string | null; activities: string[] }[]> {
    const params: unknown[] = [sourceDefinitionId];
    const where = [`p.definition_id = $1`, `p.state = 'active'`];
    if (selection.instanceIds) {
      params.push(selection.instanceIds);
      where.push(`p.id = ANY($${params.length}::uuid[])`);
    }
    if (selection.query?.businessKey) {
      params.push(`%${escapeLike(selection.query.businessKey)}%`);
      where.push(`p.business_key ILIKE $${params.length}`);
    }
    if (selection.query?.activityId) {
      params.push(selection.query.activityId);
      where.push(`EXISTS (SELECT 1 FROM execution e WHERE e.instance_id = p.id AND e.activity_id = $${params.length})`);
    }
    return sql.query(
      `SELECT p.id, p.business_key,
            coalesce((SELECT array_agg(e.activity_id ORDER BY e.activity_id) FROM execution e WHERE e.instance_id = p.id AND e.id <> p.id AND e.activity_id IS NOT NULL), '{}') AS activities
     FROM process_instance p WHERE ${where.join(' AND ')} ORDER BY p.started_at LIMIT ${limit}`,
      params,
    );
  },

  /** A batch, its items pending, and one migration job per instance; the instances' cached rows go stale. */
  async insertBatch(
    sql: Writes,
    batch: { id: string; sourceId: string; targetId: string; plan: string; createdBy: string; createdAt: Date; instances: { id: string; business_key: string | null }[]; jobType: string },
  ): Promise<void> {
    const { id, instances } = batch;
    await sql.execute(
      `INSERT INTO migration_batch (id, source_definition_id, target_definition_id, plan, created_by, created_at, total) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, batch.sourceId, batch.targetId, batch.plan, batch.createdBy, batch.createdAt, instances.length],
    );
    if (instances.length === 0) return;
    const ids = instances.map((i) => i.id);
    await sql.execute(
      `INSERT INTO migration_batch_item (batch_id, instance_id, business_key, outcome) SELECT $1, i, b, 'pending' FROM unnest($2::uuid[], $3::text[]) AS x(i, b)`,
      [id, ids, instances.map((i) => i.business_key)],
    );
    await sql.execute(
      `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
         SELECT gen_random_uuid(), $2, i, NULL, 'migration', $3, $4, 3, jsonb_build_object('batchId', $1::text), $4 FROM unnest($5::uuid[]) AS i`,
      [id, batch.jobType, batch.sourceId, batch.createdAt, ids],
    );
    await sql.execute(`UPDATE process_instance SET revision = revision + 1 WHERE id = ANY($1::uuid[])`, [ids]);
  },

  async definitionExists(sql: Reads, id: string): Promise<boolean> {
    const [row] = await sql.query(`SELECT 1 FROM process_definition WHERE id = $1`, [id]);
    return Boolean(row);
  },

  async batch(db: Pick<Database, 'query'>, id: string) {
    const [batch] = await db.query<{ id: string; source_definition_id: string; target_definition_id: string; created_by: string | null; created_at: Date; total: number; plan: { reason?: string } }>(
      `SELECT * FROM migration_batch WHERE id = $1`,
      [id],
    );
    return batch;
  },

  batchItems<T>(db: Pick<Database, 'query'>, id: string): Promise<T[]> {
    return db.query<T>(
      `SELECT instance_id AS "instanceId", business_key AS "businessKey", outcome, reason, from_activities AS "fromActivities", to_activities AS "toActivities", finished_at AS "finishedAt"
     FROM migration_batch_item WHERE batch_id = $1 ORDER BY business_key NULLS LAST, instance_id`,
      [id],
    );
  },
};
