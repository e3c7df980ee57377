import { html, raw } from '../documents/html.js';
import { vietnameseTime } from '../documents/vietnamese-time.js';
import type { PaymentView } from './payment-commands.js';

const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

/** "Biên lai thu phí, lệ phí": the receipt of a paid fee, printable on A5 like the desk's other papers. */
export function renderReceipt(input: { payment: PaymentView; agencyName: string; procedureName: string | null; applicantName: string }): string {
  const { payment } = input;
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Biên lai ${payment.receiptNumber ?? ''}</title>
<style>${raw(`@page { size: A5 landscape; margin: 12mm; } body { font-family: "Times New Roman", serif; font-size: 13pt; }
h1 { text-align: center; font-size: 15pt; margin: 6pt 0; } .agency { font-weight: bold; text-transform: uppercase; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4pt 12pt; } dt { font-weight: bold; }`)}</style></head>
<body>
<p class="agency">${input.agencyName}</p>
<h1>BIÊN LAI THU PHÍ, LỆ PHÍ</h1>
<p style="text-align:center">Số: ${payment.receiptNumber ?? '—'}</p>
<dl>
<dt>Người nộp</dt><dd>${input.applicantName}</dd>
<dt>Hồ sơ</dt><dd>${payment.dossierCode}${input.procedureName ? html` — ${input.procedureName}` : ''}</dd>
<dt>Số tiền</dt><dd>${vnd(payment.amount)}</dd>
<dt>Hình thức nộp</dt><dd>${payment.method === 'cash' ? 'Tiền mặt tại Bộ phận Một cửa' : 'Trực tuyến'}</dd>
<dt>Thời điểm nộp</dt><dd>${payment.paidAt ? vietnameseTime.dayTime(payment.paidAt) : 'chưa nộp'}</dd>
</dl>
</body></html>`.value;
}
