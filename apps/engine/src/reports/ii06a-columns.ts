import { II06A_COLUMNS } from '@onedoor/report-forms';
import type { Ii06aGroupBy, Ii06aReport } from '../queries/reports/ii06a.js';

// The figure columns (their order, Vietnamese headings and figures) are the form's, shared with the reports page.
export { II06A_COLUMNS };

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
