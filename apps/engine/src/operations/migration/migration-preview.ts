import type { Database } from '../../persistence/database.js';
import type { DefinitionCache } from '../../persistence/definition-store.js';
import type { MigrationPlan, MigrationPreview } from '@onedoor/contract';
import { checkPlan } from './migration-plan.js';
import { checkSelection, loadPair, selectInstances, type MigrationSelection } from './migration-batch.js';

/**
 * Where the instances would land, read without locking or changing anything. The batch checks
 * each instance again under its lock, so an instance that moved on meanwhile is judged as it is
 * then, not as previewed.
 */
export async function previewMigration(db: Database, definitions: DefinitionCache, plan: MigrationPlan, selection: MigrationSelection = {}): Promise<MigrationPreview> {
  checkSelection(selection);
  return db.transaction(async (sql) => {
    const [source, target] = await loadPair(definitions, sql, plan);
    const mapping = checkPlan(plan, source, target);
    const instances = await selectInstances(sql, source.id, selection);
    const bySource = new Map<string, number>();
    const byTarget = new Map<string, number>();
    const refusals: MigrationPreview['refusals'] = [];
    for (const instance of instances) {
      const unmapped = instance.activities.find((a) => !mapping.get(a));
      for (const a of instance.activities) bySource.set(a, (bySource.get(a) ?? 0) + 1);
      if (unmapped) {
        refusals.push({ instanceId: instance.id, businessKey: instance.business_key, reason: `the plan gives no target for step ${unmapped}` });
        continue;
      }
      for (const a of instance.activities) byTarget.set(mapping.get(a)!, (byTarget.get(mapping.get(a)!) ?? 0) + 1);
    }
    const name = (graph: typeof source.graph, id: string | null) => (id ? (graph.nodes.get(id)?.name ?? null) : null);
    return {
      total: instances.length,
      migratable: instances.length - refusals.length,
      refused: refusals.length,
      bySource: [...bySource].map(([activityId, count]) => ({ activityId, name: name(source.graph, activityId), count, targetActivityId: mapping.get(activityId) ?? null, targetName: name(target.graph, mapping.get(activityId) ?? null) })),
      byTarget: [...byTarget].map(([activityId, count]) => ({ activityId, name: name(target.graph, activityId), count })),
      refusals,
    };
  });
}
