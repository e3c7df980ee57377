import type { DefinitionComparison } from '@onedoor/contract';
import { compareMetrics } from '@onedoor/reengineering';
import type { Engine } from '../engine.js';
import { definitionMetrics } from './definition-metrics.js';
import { measuredDelta } from './metric-delta.js';
import { whatIf } from './what-if.js';

export type { DefinitionComparison };

/**
 * Before/after comparison of two deployed definitions (usually two versions of one key):
 * static metrics and the reform verdict from the model, measured metrics from history, and the
 * base's finished dossiers replayed against the candidate.
 */
export async function compareDefinitions(engine: Engine, baseId: string, candidateId: string): Promise<DefinitionComparison> {
  const base = await definitionMetrics(engine, baseId);
  const candidate = await definitionMetrics(engine, candidateId);
  const comparison = compareMetrics(base.static, candidate.static);
  const b = base.metrics.measured;
  const c = candidate.metrics.measured;
  const candidateDays = candidate.static.statutoryDays ?? candidate.static.longestPathDays;
  return {
    base: base.metrics,
    candidate: candidate.metrics,
    delta: {
      ...comparison.delta,
      measured: {
        meanDays: measuredDelta(b.meanDays, c.meanDays, 3),
        p90Days: measuredDelta(b.p90Days, c.p90Days, 3),
        lateRate: measuredDelta(b.lateRate, c.lateRate, 4),
      },
    },
    verdict: comparison.verdict,
    removedSteps: comparison.removedSteps,
    addedSteps: comparison.addedSteps,
    whatIf: whatIf(base.dossiers, new Set(candidate.static.perStep.map((s) => s.elementId)), candidateDays, engine.services.calendar().hoursPerDay),
  };
}
