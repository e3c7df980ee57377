import type { FormKey, FormSet } from './form-set.js';
import { html, raw, type SafeHtml } from './html.js';
import { vietnameseTime } from './vietnamese-time.js';

export interface PageInput {
  set: FormSet;
  form: FormKey;
  agencyName: string;
  /** Forms the one-stop desk issues carry its name under the agency's. */
  issuedByDesk: boolean;
  /** After "Số:"; null prints no number line. */
  number: string | null;
  /** The day the document speaks for (receipt, request, apology…); null leaves it to be written by hand. */
  dated: Date | null;
  subtitle?: SafeHtml;
  body: SafeHtml;
  landscape?: boolean;
}

/**
 * The frame every form shares, laid out as Decree 30/2020 describes an administrative document:
 * agency and number top left, national motto and date top right, title centred; A4 with the
 * decree's margins, serif type. The sheet prints as is from any browser (Ctrl+P → PDF).
 */
export function documentPage(input: PageInput): string {
  const { set, form } = input;
  const spec = set.forms[form];
  const c = set.common;
  // Not dated yet (a blank form): left for the signer to write, as on paper.
  const dateLine = input.dated ? capitalise(vietnameseTime.date(input.dated)) : 'Ngày …… tháng …… năm ……';
  const page = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spec.title}</title>
<style>${raw(pageCss(input.landscape === true))}</style>
</head>
<body>
<main class="sheet">
<p class="form-ref">${spec.legalNumber ? html`<strong>${spec.legalNumber}</strong><br>` : ''}<em>${set.legalBasis}</em></p>
<table class="header"><tr>
<td class="issuer">
<div class="agency">${upper(input.agencyName)}</div>
${input.issuedByDesk ? html`<div class="desk">${upper(set.deskName)}</div>` : ''}
<div class="rule"></div>
${input.number !== null ? html`<div class="number">${c.number}: ${input.number}</div>` : ''}
</td>
<td class="nation">
<div class="nation-line">${c.nationLine}</div>
<div class="motto">${c.mottoLine}</div>
<div class="rule wide"></div>
<div class="date-line"><em>${dateLine}</em></div>
</td>
</tr></table>
<h1>${spec.title}</h1>
${input.subtitle ? html`<div class="subtitle">${input.subtitle}</div>` : ''}
${input.body}
</main>
</body>
</html>
`;
  return page.value;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function pageCss(landscape: boolean): string {
  const width = landscape ? '297mm' : '210mm';
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${landscape ? '15mm 15mm 15mm 20mm' : '20mm 15mm 20mm 30mm'}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #e8e8e8; font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "Tinos", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; }
.sheet { width: ${width}; min-height: ${landscape ? '210mm' : '297mm'}; margin: 8mm auto; padding: ${landscape ? '15mm 15mm 15mm 20mm' : '20mm 15mm 20mm 30mm'}; background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.3); }
@media print { body { background: none; } .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; } }
.form-ref { margin: 0 0 4mm auto; width: 48%; text-align: center; font-size: 10pt; }
table.header { width: 100%; border-collapse: collapse; margin-bottom: 6mm; }
table.header td { vertical-align: top; text-align: center; padding: 0; }
td.issuer { width: 42%; font-size: 12pt; }
td.nation { width: 58%; }
.agency, .desk, .nation-line { font-weight: bold; }
.agency { font-weight: normal; }
.nation-line { font-size: 12pt; }
.motto { font-weight: bold; font-size: 13pt; }
.rule { width: 30%; margin: 1mm auto 2mm; border-top: 1px solid #000; }
.rule.wide { width: 55%; }
.number { margin-top: 1mm; }
.date-line { margin-top: 2mm; }
h1 { text-align: center; font-size: 14pt; font-weight: bold; margin: 4mm 0 1mm; }
.subtitle { text-align: center; margin-bottom: 5mm; }
p { margin: 1.5mm 0; text-align: justify; }
.label { font-weight: normal; }
.value { font-weight: bold; }
ol.items, ul.items { margin: 1mm 0 2mm 8mm; padding-left: 5mm; }
table.grid { width: 100%; border-collapse: collapse; margin: 3mm 0; font-size: ${landscape ? '11pt' : '12pt'}; }
table.grid th, table.grid td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
table.grid th { text-align: center; font-weight: bold; }
table.grid td.num, table.grid td.center { text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
.lookup-qr { display: flex; align-items: center; gap: 4mm; margin: 4mm 0; break-inside: avoid; }
.lookup-qr svg.qr { width: 28mm; height: 28mm; flex: none; }
.lookup-qr p { margin: 0; font-size: 11pt; }
.lookup-qr .lookup-url { word-break: break-all; }
table.signatures { width: 100%; margin-top: 8mm; border-collapse: collapse; break-inside: avoid; page-break-inside: avoid; }
table.signatures td { width: 50%; text-align: center; vertical-align: top; padding-bottom: 22mm; }
table.signatures .who { font-weight: bold; }
table.signatures .hint { font-style: italic; font-size: 11pt; }
table.signatures .name { font-weight: bold; padding-top: 20mm; }
.small { font-size: 11pt; }
p.center { text-align: center; }
.nowrap { white-space: nowrap; }
`;
}
