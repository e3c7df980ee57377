import type { Ii06aFigures } from '@onedoor/contract';

/** A heading in the form's own Vietnamese and the English the browser's i18n tables key on. */
export interface FormHeading {
  vi: string;
  en: string;
}

/** A figure column of form II.06a: its column group, its own heading, and where its number comes from. */
export interface Ii06aColumn {
  /** Stable id (the page's `data-column`). */
  id: string;
  group: FormHeading;
  heading: FormHeading;
  value(figures: Ii06aFigures): number;
}

const RECEIVED: FormHeading = { vi: 'Số hồ sơ nhận giải quyết', en: 'Dossiers received' };
const RESOLVED: FormHeading = { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' };
const IN_PROGRESS: FormHeading = { vi: 'Số hồ sơ đang giải quyết', en: 'Dossiers in progress' };
const OTHER: FormHeading = { vi: 'Khác', en: 'Other' };
const TOTAL: FormHeading = { vi: 'Tổng số', en: 'Total' };
const OVERDUE: FormHeading = { vi: 'Quá hạn', en: 'Overdue' };

/**
 * The columns in the order of the printed form (Circular 01/2020/TT-VPCP, form II.06a), then
 * what local systems add; the page, the CSV and the XLSX all show these. Every received dossier
 * is in exactly one of the resolved, in progress, waiting, withdrawn or stopped columns, so the
 * first column is their sum.
 */
export const II06A_COLUMNS: readonly Ii06aColumn[] = [
  { id: 'received-total', group: RECEIVED, heading: TOTAL, value: (f) => f.received.total },
  { id: 'received-online', group: RECEIVED, heading: { vi: 'Trực tuyến', en: 'Online' }, value: (f) => f.received.online },
  { id: 'received-direct', group: RECEIVED, heading: { vi: 'Trực tiếp, dịch vụ bưu chính', en: 'In person or by post' }, value: (f) => f.received.directOrPostal },
  { id: 'received-carried', group: RECEIVED, heading: { vi: 'Từ kỳ trước chuyển qua', en: 'Carried over from the previous period' }, value: (f) => f.received.carriedOver },
  { id: 'resolved-total', group: RESOLVED, heading: TOTAL, value: (f) => f.resolved.total },
  { id: 'resolved-early', group: RESOLVED, heading: { vi: 'Trước hạn', en: 'Before time' }, value: (f) => f.resolved.early },
  { id: 'resolved-on-time', group: RESOLVED, heading: { vi: 'Đúng hạn', en: 'On time' }, value: (f) => f.resolved.onTime },
  { id: 'resolved-late', group: RESOLVED, heading: { vi: 'Quá hạn', en: 'Late' }, value: (f) => f.resolved.late },
  { id: 'progress-total', group: IN_PROGRESS, heading: TOTAL, value: (f) => f.inProgress.total },
  { id: 'progress-within', group: IN_PROGRESS, heading: { vi: 'Trong hạn', en: 'Within time' }, value: (f) => f.inProgress.withinTime },
  { id: 'progress-overdue', group: IN_PROGRESS, heading: OVERDUE, value: (f) => f.inProgress.overdue },
  { id: 'waiting', group: OTHER, heading: { vi: 'Chờ bổ sung', en: 'Waiting for a supplement' }, value: (f) => f.waitingForSupplement },
  { id: 'withdrawn', group: OTHER, heading: { vi: 'Rút hồ sơ', en: 'Withdrawn' }, value: (f) => f.withdrawn },
  { id: 'stopped', group: OTHER, heading: { vi: 'Dừng giải quyết', en: 'Processing stopped' }, value: (f) => f.stopped },
];
