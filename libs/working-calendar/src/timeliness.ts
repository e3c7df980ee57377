import { dayNumberOf } from './local-time.js';

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * THE definition of early / on time / late (docs/domain.md), used by the control sheet, reports and
 * indices alike: finished on a local calendar day before the day of the due instant → early
 * (whether or not that day was a working day); on the due day at or before the due instant →
 * on time; after the due instant → late. A due instant is usually a closing time, so "at" counts.
 */
export function classifyTimeliness(finishedAt: Date, dueAt: Date): Timeliness {
  const finished = finishedAt.getTime();
  const due = dueAt.getTime();
  if (Number.isNaN(finished) || Number.isNaN(due)) throw new RangeError('Invalid date');
  if (finished > due) return 'late';
  return dayNumberOf(finished) < dayNumberOf(due) ? 'early' : 'on_time';
}
