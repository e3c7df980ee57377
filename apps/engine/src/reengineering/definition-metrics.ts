import type { DefinitionMetrics } from '@onedoor/contract';
import type { StaticMetrics } from '@onedoor/reengineering';
import type { Engine } from '../engine.js';
import { definitionStaticMetrics } from './definition-static-metrics.js';
import { measureDossier, type DossierMeasure } from './dossier-measure.js';
import { finishedDossiers } from '../queries/reengineering/finished-dossiers.js';
import { measuredMetrics } from './measured-metrics.js';

export type { DefinitionMetrics };

export interface MeasuredDefinition {
  metrics: DefinitionMetrics;
  /** The library's own shape, for compareMetrics. */
  static: StaticMetrics;
  /** Each finished dossier measured, for the what-if. */
  dossiers: DossierMeasure[];
}

/** Static metrics of a deployed definition plus the measured history of its finished dossiers. */
export async function definitionMetrics(engine: Engine, definitionId: string): Promise<MeasuredDefinition> {
  const { definition, metrics } = await definitionStaticMetrics(engine, definitionId);
  const calendar = engine.services.calendar();
  const dossiers = (await finishedDossiers(engine.db, definitionId)).map((d) => measureDossier(d, calendar));
  const stepOrder = metrics.perStep.map((s) => s.elementId);
  return {
    static: metrics,
    dossiers,
    metrics: {
      definitionId: definition.id,
      key: definition.key,
      version: definition.version,
      steps: metrics.steps,
      countedSteps: metrics.countedSteps,
      handoffs: metrics.handoffs,
      departments: metrics.departments,
      departmentCodes: metrics.departmentCodes,
      statutoryDays: metrics.statutoryDays,
      longestPathDays: metrics.longestPathDays,
      complianceCost: metrics.complianceCost,
      perStepStatic: metrics.perStep,
      measured: measuredMetrics(dossiers, calendar.hoursPerDay, stepOrder),
    },
  };
}
