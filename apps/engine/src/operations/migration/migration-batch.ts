import type { Command, CommandContext } from '../../commands/command.js';
import type { Database, Sql } from '../../persistence/database.js';
import type { DefinitionCache } from '../../persistence/definition-store.js';
import { badInput, notFound } from '../../shared/domain-error.js';
import { requireReason } from '../reason.js';
import { MIGRATE_INSTANCE_JOB } from './migrate-instance.js';
import type { MigrationBatchItemView, MigrationBatchView, MigrationPlan, MigrationStarted } from '@onedoor/contract';
import { checkPlan } from './migration-plan.js';
import { migrationStore } from '../../persistence/operations/migration-store.js';

/** Which instances a batch takes: named ones, or those of the source version matching a query. */
export interface MigrationSelection {
  instanceIds?: string[];
  query?: { businessKey?: string; activityId?: string };
}

/** Most instances one batch takes (a procedure's in-flight dossiers; more go in further batches). */
export const MAX_BATCH = 10_000;

/** Active instances of the source version chosen by a selection, with their running steps. */
export async function selectInstances(sql: Pick<Sql, 'query'>, sourceDefinitionId: string, selection: MigrationSelection): Promise<{ id: string; business_key: string | null; activities: string[] }[]> {
  return migrationStore.selectInstances(sql, sourceDefinitionId, selection, MAX_BATCH + 1);
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
export class StartMigration implements Command<MigrationStarted> {
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

  async execute(ctx: CommandContext): Promise<MigrationStarted> {
    const [source, target] = await loadPair(ctx.services.definitions, ctx.sql, this.plan);
    checkPlan(this.plan, source, target);
    const instances = await selectInstances(ctx.sql, source.id, this.selection);
    if (instances.length > MAX_BATCH) throw badInput(`more than ${MAX_BATCH} instances selected`, [{ field: 'query', message: 'narrow the selection and run several batches' }]);
    const id = ctx.services.newId();
    const plan = { ...this.plan, reason: this.reason };
    await migrationStore.insertBatch(ctx.sql, {
      id,
      sourceId: source.id,
      targetId: target.id,
      plan: JSON.stringify(plan),
      createdBy: ctx.actor.username,
      createdAt: ctx.now,
      instances,
      jobType: MIGRATE_INSTANCE_JOB,
    });
    if (instances.length > 0) {
      const ids = instances.map((i) => i.id);
      // The instances' rows changed beside the runtime: no node's cache may keep them.
      ctx.sql.afterCommit(() => ids.forEach((i) => ctx.services.instanceCache?.forget(i)));
    }
    await ctx.audit({ operation: 'start-migration', entityType: 'migration_batch', entityId: id, details: { reason: this.reason, sourceDefinitionId: source.id, targetDefinitionId: target.id, total: instances.length, selection: this.selection } });
    return { id, total: instances.length };
  }
}

export async function loadPair(definitions: DefinitionCache, sql: Sql, plan: { sourceDefinitionId: string; targetDefinitionId: string }) {
  for (const field of ['sourceDefinitionId', 'targetDefinitionId'] as const) {
    if (!(await migrationStore.definitionExists(sql, plan[field]))) throw badInput(`${field} names no deployed version`, [{ field: field === 'sourceDefinitionId' ? 'plan.sourceDefinitionId' : 'plan.targetDefinitionId', message: 'a process definition id' }]);
  }
  return Promise.all([definitions.byId(sql, plan.sourceDefinitionId), definitions.byId(sql, plan.targetDefinitionId)]);
}

/** A batch and the result per instance, as far as the job executors have got. */
export async function migrationBatch(db: Database, id: string): Promise<MigrationBatchView> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Migration batch', id);
  const batch = await migrationStore.batch(db, id);
  if (!batch) throw notFound('Migration batch', id);
  const items = await migrationStore.batchItems<MigrationBatchItemView>(db, id);
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
