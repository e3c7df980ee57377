import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnexTable } from './annex-table.js';
import type { ComparisonAnnex } from './comparison-annex.js';

/**
 * The annex as a Word document, the form the office drafting the chairman's decision works in:
 * A4 landscape, Times New Roman 13 pt (Decree 30/2020's type for administrative documents), the
 * table with a repeating header row.
 */
export function annexDocx(annex: AnnexTable): Promise<Buffer> {
  const header = ['Bước', 'Nội dung công việc', 'Đơn vị thực hiện', 'Người thực hiện', 'Thời gian thực hiện', 'Căn cứ pháp lý'];
  const rows = annex.rows.map((r) => [String(r.number), r.content, r.unit, r.role, r.time, r.legalBasis ?? '']);
  const total = ['', 'Tổng thời gian giải quyết', '', '', annex.totalText.replace(/^Tổng thời gian: /, ''), ''];
  const children = [
    centred('PHỤ LỤC', true),
    centred('QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', true),
    ...heading(annex),
    table(header, rows, total),
    ...(annex.legalBases.length ? [paragraph('Căn cứ pháp lý:', true), ...annex.legalBases.map((b) => paragraph(`- ${b}`))] : []),
  ];
  return pack(children);
}

export function comparisonAnnexDocx(annex: ComparisonAnnex): Promise<Buffer> {
  const header = ['Bước (trước)', 'Bước (sau)', 'Nội dung công việc', 'Đơn vị thực hiện', 'Thời gian trước', 'Thời gian sau', 'Thay đổi'];
  const rows = annex.rows.map((r) => [r.before === null ? '—' : String(r.before), r.after === null ? '—' : String(r.after), r.content, r.unit, r.timeBefore, r.timeAfter, r.changeText]);
  const children = [
    centred('PHỤ LỤC', true),
    centred('PHƯƠNG ÁN ĐƠN GIẢN HÓA QUY TRÌNH NỘI BỘ', true),
    ...heading(annex.after),
    centred(`So sánh phiên bản ${annex.before.version} (trước) và phiên bản ${annex.after.version} (sau đơn giản hóa)`),
    table(header, rows),
    paragraph(annex.summary),
  ];
  return pack(children);
}

function heading(annex: AnnexTable): Paragraph[] {
  return [
    centred(`${annex.procedureName}${annex.procedureCode ? ` (mã ${annex.procedureCode})` : ''}`, true),
    ...(annex.agencyName ? [centred(`Cơ quan giải quyết: ${annex.agencyName}`)] : []),
  ];
}

function table(header: string[], rows: string[][], total?: string[]): Table {
  const cells = (values: string[], bold: boolean) => values.map((v) => new TableCell({ children: [paragraph(v, bold)] }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: cells(header, true) }),
      ...rows.map((r) => new TableRow({ children: cells(r, false) })),
      ...(total ? [new TableRow({ children: cells(total, true) })] : []),
    ],
  });
}

function paragraph(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [run(text, bold)] });
}

function centred(text: string, bold = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold)] });
}

function run(text: string, bold: boolean): TextRun {
  return new TextRun({ text, bold, font: 'Times New Roman', size: 26 });
}

function pack(children: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: 'OneDoor',
    title: 'Phụ lục quy trình nội bộ',
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(document);
}
