import { html, raw, type SafeHtml } from '../documents/html.js';
import type { AnnexTable } from './annex-table.js';
import type { ComparisonAnnex } from './comparison-annex.js';

/**
 * The annex as a printable page (A4 landscape, serif, the table ruled as decisions print it).
 * Like the dossier forms it carries no script and loads nothing; print it to PDF from the browser.
 */
export function renderAnnexHtml(annex: AnnexTable): string {
  const body = html`
<h1>QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH</h1>
${procedureHeading(annex)}
<table class="annex">
<thead><tr><th>Bước</th><th>Nội dung công việc</th><th>Đơn vị thực hiện</th><th>Người thực hiện</th><th>Thời gian thực hiện</th><th>Căn cứ pháp lý</th></tr></thead>
<tbody>
${annex.rows.map((r) => html`<tr><td class="n">${r.number}</td><td>${r.content}</td><td>${r.unit}</td><td>${r.role}</td><td>${r.time}</td><td>${r.legalBasis ?? ''}</td></tr>`)}
<tr class="total"><td></td><td colspan="3">Tổng thời gian giải quyết</td><td colspan="2">${annex.totalText.replace(/^Tổng thời gian: /, '')}${statutoryNote(annex)}</td></tr>
</tbody>
</table>
${legalBases(annex.legalBases)}`;
  return page(`Quy trình nội bộ ${annex.procedureCode ?? annex.key}`, body);
}

export function renderComparisonAnnexHtml(annex: ComparisonAnnex): string {
  const { before, after } = annex;
  const body = html`
<h1>PHƯƠNG ÁN ĐƠN GIẢN HÓA QUY TRÌNH NỘI BỘ</h1>
${procedureHeading(after)}
<p class="versions">So sánh phiên bản ${before.version} (trước) và phiên bản ${after.version} (sau đơn giản hóa)</p>
<table class="annex">
<thead><tr><th>Bước (trước)</th><th>Bước (sau)</th><th>Nội dung công việc</th><th>Đơn vị thực hiện</th><th>Thời gian trước</th><th>Thời gian sau</th><th>Thay đổi</th></tr></thead>
<tbody>
${annex.rows.map((r) => html`<tr class="${r.change}"><td class="n">${r.before ?? '—'}</td><td class="n">${r.after ?? '—'}</td><td>${r.content}</td><td>${r.unit}</td><td>${r.timeBefore}</td><td>${r.timeAfter}</td><td>${r.changeText}</td></tr>`)}
</tbody>
</table>
<p class="summary">${annex.summary}</p>`;
  return page(`Phương án đơn giản hóa ${after.procedureCode ?? after.key}`, body);
}

function procedureHeading(annex: AnnexTable): SafeHtml {
  return html`<p class="procedure"><strong>${annex.procedureName}</strong>${annex.procedureCode ? html` (mã ${annex.procedureCode})` : ''}</p>
${annex.agencyName ? html`<p class="agency">Cơ quan giải quyết: ${annex.agencyName}</p>` : ''}`;
}

function statutoryNote(annex: AnnexTable): SafeHtml | string {
  if (annex.statutoryDays === null || Math.abs(annex.statutoryDays - annex.totalDays) < 1e-6) return '';
  return html`<br><em>(thời hạn theo quy định: ${String(annex.statutoryDays).replace('.', ',')} ngày làm việc)</em>`;
}

function legalBases(bases: string[]): SafeHtml | string {
  if (bases.length === 0) return '';
  return html`<p class="basis"><strong>Căn cứ pháp lý:</strong></p><ul>${bases.map((b) => html`<li>${b}</li>`)}</ul>`;
}

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body><main class="sheet">
<p class="annex-label">PHỤ LỤC</p>
${body}
</main></body>
</html>`.value;
}

const CSS = `
@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; color: #000; margin: 0; }
.sheet { max-width: 267mm; margin: 0 auto; padding: 8mm; }
.annex-label { text-align: center; font-weight: bold; margin: 0; }
h1 { text-align: center; font-size: 14pt; margin: 4pt 0; }
.procedure, .agency, .versions { text-align: center; margin: 2pt 0; }
table.annex { width: 100%; border-collapse: collapse; margin-top: 10pt; }
table.annex th, table.annex td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; }
table.annex th { font-weight: bold; text-align: center; }
td.n { text-align: center; }
tr.total td { font-weight: bold; }
tr.cut td { text-decoration: line-through; }
tr.cut td:last-child { text-decoration: none; }
.summary, .basis { margin-top: 8pt; }
@media print { .sheet { padding: 0; } }
`;
