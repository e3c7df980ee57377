import type { MeasuredMetrics, MeasuredStep } from '@onedoor/contract';
import type { DossierMeasure, StepSample } from './dossier-measure.js';
import { mean, p90, rounded } from './sample-statistics.js';

const HOUR_MS = 3_600_000;

export type { MeasuredMetrics, MeasuredStep };

/** Days and hours to 3 and 2 decimals (an hour is 0.125 day), rates to 4. */
export function measuredMetrics(measures: readonly DossierMeasure[], hoursPerDay: number, stepOrder: readonly string[]): MeasuredMetrics {
  const dayMs = hoursPerDay * HOUR_MS;
  const days = (values: number[]) => values.map((ms) => ms / dayMs);
  const used = days(measures.map((m) => m.usedMs));
  return {
    dossiers: measures.length,
    meanDays: rounded(mean(used), 3),
    p90Days: rounded(p90(used), 3),
    lateRate: rounded(rate(measures.map((m) => m.late)), 4),
    waitingDays: rounded(mean(days(measures.map((m) => m.waitingMs))), 3),
    workingDays: rounded(mean(days(measures.map((m) => m.elapsedMs))), 3),
    perStep: perStep(measures.flatMap((m) => m.samples), stepOrder),
  };
}

function perStep(samples: StepSample[], stepOrder: readonly string[]): MeasuredStep[] {
  const byElement = new Map<string, StepSample[]>();
  for (const s of samples) byElement.set(s.elementId, [...(byElement.get(s.elementId) ?? []), s]);
  const position = (id: string) => (stepOrder.includes(id) ? stepOrder.indexOf(id) : stepOrder.length);
  return [...byElement.entries()]
    .sort(([a], [b]) => position(a) - position(b))
    .map(([elementId, list]) => {
      const hours = list.map((s) => s.usedMs / HOUR_MS);
      return {
        elementId,
        name: list[0].name,
        departmentCode: list[0].departmentCode,
        samples: list.length,
        meanHours: rounded(mean(hours), 2),
        p90Hours: rounded(p90(hours), 2),
        waitingHours: rounded(mean(list.map((s) => s.waitedMs / HOUR_MS)), 2),
        lateRate: rounded(rate(list.map((s) => s.late).filter((late): late is boolean => late !== null)), 4),
      };
    });
}

function rate(flags: boolean[]): number | null {
  return flags.length === 0 ? null : flags.filter(Boolean).length / flags.length;
}
