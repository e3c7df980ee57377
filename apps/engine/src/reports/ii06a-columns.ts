import type { Ii06aFigures, Ii06aGroupBy, Ii06aReport } from '../queries/reports/ii06a.js';

/** One figure column of the printed form: its column group and its own heading, in Vietnamese. */
export interface Ii06aColumn {
  group: string;
  heading: string;
  value(figures: Ii06aFigures): number;
}

/** The figure columns in the order of form II.06a, then the local additions. CSV and XLSX share them. */
export const II06A_COLUMNS: readonly Ii06aColumn[] = [
  { group: 'Số hồ sơ nhận giải quyết', heading: 'Tổng số', value: (f) => f.received.total },
  { group: 'Số hồ sơ nhận giải quyết', heading: 'Trực tuyến', value: (f) => f.received.online },
  { group: 'Số hồ sơ nhận giải quyết', heading: 'Trực tiếp, dịch vụ bưu chính', value: (f) => f.received.directOrPostal },
  { group: 'Số hồ sơ nhận giải quyết', heading: 'Từ kỳ trước chuyển qua', value: (f) => f.received.carriedOver },
  { group: 'Số hồ sơ đã giải quyết', heading: 'Tổng số', value: (f) => f.resolved.total },
  { group: 'Số hồ sơ đã giải quyết', heading: 'Trước hạn', value: (f) => f.resolved.early },
  { group: 'Số hồ sơ đã giải quyết', heading: 'Đúng hạn', value: (f) => f.resolved.onTime },
  { group: 'Số hồ sơ đã giải quyết', heading: 'Quá hạn', value: (f) => f.resolved.late },
  { group: 'Số hồ sơ đang giải quyết', heading: 'Tổng số', value: (f) => f.inProgress.total },
  { group: 'Số hồ sơ đang giải quyết', heading: 'Trong hạn', value: (f) => f.inProgress.withinTime },
  { group: 'Số hồ sơ đang giải quyết', heading: 'Quá hạn', value: (f) => f.inProgress.overdue },
  { group: 'Khác', heading: 'Chờ bổ sung', value: (f) => f.waitingForSupplement },
  { group: 'Khác', heading: 'Rút hồ sơ', value: (f) => f.withdrawn },
  { group: 'Khác', heading: 'Dừng giải quyết', value: (f) => f.stopped },
];

export const II06A_TITLE = 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Mẫu II.06a, Thông tư 01/2020/TT-VPCP)';
export const TOTAL_LABEL = 'Tổng cộng';
export const NO_KEY_LABEL = '(không xác định)';

/** The leading label columns: code and name for departments, the field alone for fields. */
export function labelHeadings(groupBy: Ii06aGroupBy): string[] {
  return groupBy === 'department' ? ['Mã đơn vị', 'Tên đơn vị'] : ['Lĩnh vực'];
}

/** Every line of the table as label cells + figures, the totals line last. */
export function ii06aLines(report: Ii06aReport): { labels: string[]; values: number[]; total: boolean }[] {
  const twoLabels = report.groupBy === 'department';
  const lines = report.rows.map((row) => ({
    labels: twoLabels ? [row.key ?? NO_KEY_LABEL, row.name ?? ''] : [row.key ?? NO_KEY_LABEL],
    values: II06A_COLUMNS.map((c) => c.value(row)),
    total: false,
  }));
  lines.push({ labels: twoLabels ? [TOTAL_LABEL, ''] : [TOTAL_LABEL], values: II06A_COLUMNS.map((c) => c.value(report.total)), total: true });
  return lines;
}
