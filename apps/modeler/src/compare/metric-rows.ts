import type { DefinitionComparison, DefinitionMetrics, MetricDelta } from '@onedoor/contract';

export type MetricUnit = 'steps' | 'count' | 'days' | 'money' | 'rate';

/** One line of the before/after table; labels are English i18n keys. */
export interface MetricRow {
  id: string;
  group: 'model' | 'measured';
  label: string;
  unit: MetricUnit;
  base: number | null;
  candidate: number | null;
  delta: MetricDelta | null;
  /** Which direction is an improvement; null when neither is (the number of dossiers measured). */
  better: 'lower' | 'higher' | null;
}

type Pick = (m: DefinitionMetrics) => number | null;

interface RowSpec {
  id: string;
  group: MetricRow['group'];
  label: string;
  unit: MetricUnit;
  value: Pick;
  better: MetricRow['better'];
  /** The engine's own delta when it computes one (same rounding as its verdict). */
  delta?: (c: DefinitionComparison) => MetricDelta | null | undefined;
}

const SPECS: RowSpec[] = [
  { id: 'steps', group: 'model', label: 'Steps', unit: 'steps', value: (m) => m.steps, better: 'lower', delta: (c) => c.delta.steps },
  { id: 'countedSteps', group: 'model', label: 'Steps counted in the statutory time', unit: 'steps', value: (m) => m.countedSteps, better: 'lower' },
  { id: 'handoffs', group: 'model', label: 'Hand-offs between departments', unit: 'count', value: (m) => m.handoffs, better: 'lower', delta: (c) => c.delta.handoffs },
  { id: 'departments', group: 'model', label: 'Departments involved', unit: 'count', value: (m) => m.departments, better: 'lower', delta: (c) => c.delta.departments },
  { id: 'statutoryDays', group: 'model', label: 'Statutory time', unit: 'days', value: (m) => m.statutoryDays, better: 'lower', delta: (c) => c.delta.statutoryDays },
  { id: 'longestPathDays', group: 'model', label: 'Longest path', unit: 'days', value: (m) => m.longestPathDays, better: 'lower', delta: (c) => c.delta.longestPathDays },
  { id: 'complianceCost', group: 'model', label: 'Compliance cost', unit: 'money', value: (m) => m.complianceCost, better: 'lower', delta: (c) => c.delta.complianceCost },
  { id: 'dossiers', group: 'measured', label: 'Finished dossiers measured', unit: 'count', value: (m) => m.measured.dossiers, better: null },
  { id: 'meanDays', group: 'measured', label: 'Mean processing time', unit: 'days', value: (m) => m.measured.meanDays, better: 'lower', delta: (c) => c.delta.measured?.meanDays },
  { id: 'p90Days', group: 'measured', label: '90th percentile processing time', unit: 'days', value: (m) => m.measured.p90Days, better: 'lower', delta: (c) => c.delta.measured?.p90Days },
  { id: 'lateRate', group: 'measured', label: 'Dossiers finished late', unit: 'rate', value: (m) => m.measured.lateRate, better: 'lower', delta: (c) => c.delta.measured?.lateRate },
  { id: 'waitingDays', group: 'measured', label: 'Waiting for the applicant (mean)', unit: 'days', value: (m) => m.measured.waitingDays, better: 'lower' },
  { id: 'workingDays', group: 'measured', label: 'Elapsed working time, waits included (mean)', unit: 'days', value: (m) => m.measured.workingDays, better: 'lower' },
];

/** The rows of the metric table, in the order a manager reads them: the model, then the history. */
export function metricRows(comparison: DefinitionComparison): MetricRow[] {
  return SPECS.map((spec) => {
    const base = spec.value(comparison.base);
    const candidate = spec.value(comparison.candidate);
    const fromEngine = spec.delta?.(comparison);
    return {
      id: spec.id,
      group: spec.group,
      label: spec.label,
      unit: spec.unit,
      base,
      candidate,
      delta: fromEngine ?? deltaOf(base, candidate),
      better: spec.better,
    };
  });
}

/** candidate − base the way the engine rounds it; null when either side has no value. */
export function deltaOf(base: number | null, candidate: number | null): MetricDelta | null {
  if (base === null || candidate === null) return null;
  const absolute = Math.round((candidate - base) * 1e6) / 1e6;
  if (absolute === 0) return { absolute, percent: 0 };
  return { absolute, percent: base === 0 ? null : Math.round((absolute / base) * 10000) / 100 };
}

/** improved / worse / same, for colouring the delta; null when the row has no better side. */
export function trend(row: MetricRow): 'improved' | 'worse' | 'same' | null {
  if (!row.delta || row.better === null) return null;
  if (row.delta.absolute === 0) return 'same';
  const lower = row.delta.absolute < 0;
  return lower === (row.better === 'lower') ? 'improved' : 'worse';
}
