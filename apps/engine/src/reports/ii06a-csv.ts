import { II06A_COLUMNS, ii06aLines, labelHeadings } from './ii06a-columns.js';
import type { Ii06aReport } from '../queries/reports/ii06a.js';

/** Excel only reads a CSV as UTF-8 (Vietnamese diacritics) when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * Form II.06a as CSV: BOM, one header line (group and heading joined, so the two "Quá hạn"
 * columns stay distinguishable), a line per row, the totals last; CRLF as RFC 4180 says.
 */
export function ii06aCsv(report: Ii06aReport): string {
  const header = [...labelHeadings(report.groupBy), ...II06A_COLUMNS.map((c) => `${c.group.vi} - ${c.heading.vi}`)];
  const lines = [header, ...ii06aLines(report).map((l) => [...l.labels, ...l.values.map(String)])];
  return BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
