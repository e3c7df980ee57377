import type { Command, CommandContext } from '../../commands/command.js';
import type { Database, Sql } from '../../persistence/database.js';
import type { DefinitionCache } from '../../persistence/definition-store.js';
import { badInput, notFound } from '../../shared/domain-error.js';
import { requireReason } from '../reason.js';
import { MIGRATE_INSTANCE_JOB } from './migrate-instance.js';
import { checkPlan, type MigrationPlan } from './migration-plan.js';

/** Which instances a batch takes: named ones, or those of the source version matching a query. */
export interface MigrationSelection {
  instanceIds?: string[];
  query?: { businessKey?: string; activityId?: string };
}

/** Most instances one batch takes (a procedure's in-flight dossiers; more go in further batches). */
export const MAX_BATCH = 10_000;

/** Active instances of the source version chosen by a selection, with their running steps. */
export async function selectInstances(sql: Pick<Sql, 'query'>, sourceDefinitionId: string, selection: MigrationSelection): Promise<{ id: string; business_key: string | null; activities: string[] }[]> {
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
     FROM process_instance p WHERE ${where.join(' AND ')} ORDER BY p.started_at LIMIT ${MAX_BATCH + 1}`,
    params,
  );
}

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function checkSelection(selection: MigrationSelection): void {
  if (selection.instanceIds !== undefined) {
    const bad = selection.instanceIds.findIndex((id) => typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (bad >= 0) throw badInput(`instanceIds[${bad}] is not an instance id`, [{ field: `instanceIds[${bad}]`, message: 'a process instance id (uuid)' }]);
  }
}

/**
 * Starts a migration batch: the plan is checked and kept, one pending result row and one job
 * per instance are written in one transaction. The job executors of every node then migrate
 * the instances one by one, each under its instance lock (multi-node safe); a node that stops
 * half-way leaves the rest as jobs another node takes (resumable).
 */
export class StartMigration implements Command<{ id: string; total: number }> {
  readonly name = 'start-migration';
  private readonly reason: string;

  constructor(
    private readonly plan: MigrationPlan,
    private readonly selection: MigrationSelection,
    reason: string,
  ) {
    this.reason = requireReason(reason);
    checkSelection(selection);
  }

  async execute(ctx: CommandContext) {
    const [source, target] = await loadPair(ctx.services.definitions, ctx.sql, this.plan);
    checkPlan(this.plan, source, target);
    const instances = await selectInstances(ctx.sql, source.id, this.selection);
    if (instances.length > MAX_BATCH) throw badInput(`more than ${MAX_BATCH} instances selected`, [{ field: 'query', message: 'narrow the selection and run several batches' }]);
    const id = ctx.services.newId();
    const plan = { ...this.plan, reason: this.reason };
    await ctx.sql.execute(
      `INSERT INTO migration_batch (id, source_definition_id, target_definition_id, plan, created_by, created_at, total) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, source.id, target.id, JSON.stringify(plan), ctx.actor.username, ctx.now, instances.length],
    );
    if (instances.length > 0) {
      const ids = instances.map((i) => i.id);
      await ctx.sql.execute(
        `INSERT INTO migration_batch_item (batch_id, instance_id, business_key, outcome) SELECT $1, i, b, 'pending' FROM unnest($2::uuid[], $3::text[]) AS x(i, b)`,
        [id, ids, instances.map((i) => i.business_key)],
      );
      await ctx.sql.execute(
        `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
         SELECT gen_random_uuid(), $2, i, NULL, 'migration', $3, $4, 3, jsonb_build_object('batchId', $1::text), $4 FROM unnest($5::uuid[]) AS i`,
        [id, MIGRATE_INSTANCE_JOB, source.id, ctx.now, ids],
      );
      // The instances' rows changed beside the runtime: no node's cache may keep them.
      await ctx.sql.execute(`UPDATE process_instance SET revision = revision + 1 WHERE id = ANY($1::uuid[])`, [ids]);
      ctx.sql.afterCommit(() => ids.forEach((i) => ctx.services.instanceCache?.forget(i)));
    }
    await ctx.audit({ operation: 'start-migration', entityType: 'migration_batch', entityId: id, details: { reason: this.reason, sourceDefinitionId: source.id, targetDefinitionId: target.id, total: instances.length, selection: this.selection } });
    return { id, total: instances.length };
  }
}

export async function loadPair(definitions: DefinitionCache, sql: Sql, plan: { sourceDefinitionId: string; targetDefinitionId: string }) {
  for (const field of ['sourceDefinitionId', 'targetDefinitionId'] as const) {
    const [row] = await sql.query(`SELECT 1 FROM process_definition WHERE id = $1`, [plan[field]]);
    if (!row) throw badInput(`${field} names no deployed version`, [{ field: field === 'sourceDefinitionId' ? 'plan.sourceDefinitionId' : 'plan.targetDefinitionId', message: 'a process definition id' }]);
  }
  return Promise.all([definitions.byId(sql, plan.sourceDefinitionId), definitions.byId(sql, plan.targetDefinitionId)]);
}

export interface MigrationBatchView {
  id: string;
  sourceDefinitionId: string;
  targetDefinitionId: string;
  createdBy: string | null;
  createdAt: Date;
  reason: string | null;
  total: number;
  pending: number;
  moved: number;
  refused: number;
  items: { instanceId: string; businessKey: string | null; outcome: string; reason: string | null; fromActivities: string[] | null; toActivities: string[] | null; finishedAt: Date | null }[];
}

/** A batch and the result per instance, as far as the job executors have got. */
export async function migrationBatch(db: Database, id: string): Promise<MigrationBatchView> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Migration batch', id);
  const [batch] = await db.query<{ id: string; source_definition_id: string; target_definition_id: string; created_by: string | null; created_at: Date; total: number; plan: { reason?: string } }>(
    `SELECT * FROM migration_batch WHERE id = $1`,
    [id],
  );
  if (!batch) throw notFound('Migration batch', id);
  const items = await db.query<MigrationBatchView['items'][number]>(
    `SELECT instance_id AS "instanceId", business_key AS "businessKey", outcome, reason, from_activities AS "fromActivities", to_activities AS "toActivities", finished_at AS "finishedAt"
     FROM migration_batch_item WHERE batch_id = $1 ORDER BY business_key NULLS LAST, instance_id`,
    [id],
  );
  const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
  return {
    id: batch.id,
    sourceDefinitionId: batch.source_definition_id,
    targetDefinitionId: batch.target_definition_id,
    createdBy: batch.created_by,
    createdAt: batch.created_at,
    reason: batch.plan.reason ?? null,
    total: batch.total,
    pending: count('pending'),
    moved: count('moved'),
    refused: count('refused'),
    items,
  };
}
