/** Mean of a sample; null for an empty one (nothing measured is not zero). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * 90th percentile by nearest rank: the smallest value with at least 90% of the sample at or
 * below it. Always a value that was really measured, which managers can find in the history.
 */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

/** Rounds for display; sums of milliseconds divided by hours leave binary noise otherwise. */
export function rounded(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
