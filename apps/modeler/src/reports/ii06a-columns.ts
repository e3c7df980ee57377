import type { Ii06aFigures } from './report-types.js';

/** A figure column of form II.06a: its group heading and its own, as English i18n keys. */
export interface Ii06aColumn {
  id: string;
  group: string;
  heading: string;
  value(figures: Ii06aFigures): number;
}

/**
 * The columns in the order of the printed form (Circular 01/2020/TT-VPCP, form II.06a), then
 * what local systems add. Every received dossier is in exactly one of the resolved, in progress,
 * waiting, withdrawn or stopped columns, so the first column is their sum.
 */
export const II06A_COLUMNS: readonly Ii06aColumn[] = [
  { id: 'received-total', group: 'Dossiers received', heading: 'Total', value: (f) => f.received.total },
  { id: 'received-online', group: 'Dossiers received', heading: 'Online', value: (f) => f.received.online },
  { id: 'received-direct', group: 'Dossiers received', heading: 'In person or by post', value: (f) => f.received.directOrPostal },
  { id: 'received-carried', group: 'Dossiers received', heading: 'Carried over from the previous period', value: (f) => f.received.carriedOver },
  { id: 'resolved-total', group: 'Dossiers resolved', heading: 'Total', value: (f) => f.resolved.total },
  { id: 'resolved-early', group: 'Dossiers resolved', heading: 'Before time', value: (f) => f.resolved.early },
  { id: 'resolved-on-time', group: 'Dossiers resolved', heading: 'On time', value: (f) => f.resolved.onTime },
  { id: 'resolved-late', group: 'Dossiers resolved', heading: 'Late', value: (f) => f.resolved.late },
  { id: 'progress-total', group: 'Dossiers in progress', heading: 'Total', value: (f) => f.inProgress.total },
  { id: 'progress-within', group: 'Dossiers in progress', heading: 'Within time', value: (f) => f.inProgress.withinTime },
  { id: 'progress-overdue', group: 'Dossiers in progress', heading: 'Overdue', value: (f) => f.inProgress.overdue },
  { id: 'waiting', group: 'Other', heading: 'Waiting for a supplement', value: (f) => f.waitingForSupplement },
  { id: 'withdrawn', group: 'Other', heading: 'Withdrawn', value: (f) => f.withdrawn },
  { id: 'stopped', group: 'Other', heading: 'Processing stopped', value: (f) => f.stopped ?? 0 },
];

/** Consecutive columns sharing a group, for the first heading row's colspans. */
export function columnGroups(): { group: string; span: number }[] {
  const groups: { group: string; span: number }[] = [];
  for (const column of II06A_COLUMNS) {
    const last = groups[groups.length - 1];
    if (last && last.group === column.group) last.span += 1;
    else groups.push({ group: column.group, span: 1 });
  }
  return groups;
}
