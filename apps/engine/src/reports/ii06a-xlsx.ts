import ExcelJS from 'exceljs';
import { II06A_COLUMNS, II06A_TITLE, ii06aLines, labelHeadings } from './ii06a-columns.js';
import type { Ii06aReport } from '../queries/reports/ii06a.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Row numbers of the sheet layout, exported so readers (and specs) need not guess them. */
export const II06A_SHEET = { titleRow: 1, periodRow: 2, groupRow: 3, headingRow: 4, firstDataRow: 5 } as const;

/**
 * Form II.06a as an Excel workbook laid out like the printed form: title, period, the column
 * groups merged over their columns, the headings, one row per unit or field, totals in bold.
 */
export async function ii06aXlsx(report: Ii06aReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneDoor';
  const sheet = workbook.addWorksheet('II.06a');
  const labels = labelHeadings(report.groupBy);
  const width = labels.length + II06A_COLUMNS.length;
  const { titleRow, periodRow, groupRow, headingRow } = II06A_SHEET;

  sheet.getCell(titleRow, 1).value = II06A_TITLE;
  sheet.getCell(titleRow, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(titleRow, 1, titleRow, width);
  sheet.getCell(periodRow, 1).value = `Kỳ báo cáo: ${report.period.label}`;
  sheet.mergeCells(periodRow, 1, periodRow, width);

  labels.forEach((label, i) => {
    sheet.getCell(groupRow, i + 1).value = label;
    sheet.mergeCells(groupRow, i + 1, headingRow, i + 1);
  });
  let start = 0;
  for (let i = 1; i <= II06A_COLUMNS.length; i++) {
    const column = labels.length + i;
    sheet.getCell(headingRow, column).value = II06A_COLUMNS[i - 1].heading.vi;
    if (i === II06A_COLUMNS.length || II06A_COLUMNS[i].group.vi !== II06A_COLUMNS[start].group.vi) {
      const from = labels.length + start + 1;
      sheet.getCell(groupRow, from).value = II06A_COLUMNS[start].group.vi;
      if (column > from) sheet.mergeCells(groupRow, from, groupRow, column);
      start = i;
    }
  }
  for (const r of [groupRow, headingRow]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  for (const line of ii06aLines(report)) {
    const row = sheet.addRow([...line.labels, ...line.values]);
    if (line.total) row.font = { bold: true };
  }
  sheet.columns.forEach((column, i) => {
    column.width = i < labels.length ? (i === 1 ? 36 : 16) : 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
