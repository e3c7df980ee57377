import { procedureMetrics, type StaticMetrics } from '@onedoor/reengineering';
import type { Engine } from '../engine.js';

export interface DefinitionStaticMetrics {
  definition: { id: string; key: string; version: number };
  metrics: StaticMetrics;
}

/**
 * Static metrics of a deployed definition, from its cached graph (the engine's ProcedureGraph is
 * a StepGraph). A call activity is measured through the latest deployed version of the process
 * it calls — the one a new instance would run. Unknown id → NotFound.
 */
export async function definitionStaticMetrics(engine: Engine, definitionId: string): Promise<DefinitionStaticMetrics> {
  return engine.db.transaction(async (sql) => {
    const definitions = engine.services.definitions.source(sql);
    const definition = await definitions.byId(definitionId);
    const metrics = await procedureMetrics(definition.graph, {
      calledProcess: async (key) => (await definitions.latestByKey(key))?.graph,
    });
    return { definition: { id: definition.id, key: definition.key, version: definition.version }, metrics };
  });
}
