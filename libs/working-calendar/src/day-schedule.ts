/**
 * The working intervals of one local day, in milliseconds after local midnight, flattened as
 * [open0, close0, open1, close1, …] (sorted, non-overlapping) with their total length.
 * Days with the same hours share one frozen instance, so a year table is an array of pointers.
 */
export interface DaySchedule {
  readonly bounds: readonly number[];
  readonly total: number;
}

export const CLOSED_DAY: DaySchedule = Object.freeze({ bounds: Object.freeze([]), total: 0 });

/** Sorts and merges intervals; touching intervals merge so that no false closing time appears. */
export function daySchedule(intervals: ReadonlyArray<readonly [number, number]>): DaySchedule {
  if (intervals.length === 0) return CLOSED_DAY;
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const bounds: number[] = [];
  let total = 0;
  for (const [open, close] of sorted) {
    const last = bounds.length - 1;
    if (last > 0 && open <= bounds[last]) {
      if (close > bounds[last]) {
        total += close - bounds[last];
        bounds[last] = close;
      }
    } else {
      bounds.push(open, close);
      total += close - open;
    }
  }
  return Object.freeze({ bounds: Object.freeze(bounds), total });
}
