import type { MetricDelta } from '@onedoor/reengineering';

/**
 * candidate − base, absolute and in percent of the base, as compareMetrics reports the static
 * metrics; null when either side has nothing measured (no finished dossier yet).
 */
export function measuredDelta(base: number | null, candidate: number | null, decimals: number): MetricDelta | null {
  if (base === null || candidate === null) return null;
  const factor = 10 ** decimals;
  const absolute = Math.round((candidate - base) * factor) / factor;
  if (absolute === 0) return { absolute, percent: 0 };
  return { absolute, percent: base === 0 ? null : Math.round(((candidate - base) / base) * 10000) / 100 };
}
