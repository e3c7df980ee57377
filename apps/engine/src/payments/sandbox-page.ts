import { createHash } from 'node:crypto';
import { html, raw } from '../documents/html.js';

/** The pretend bank's one button: posts to …/pay, then follows the return address it answers. */
const SCRIPT = `document.getElementById('pay').addEventListener('click',function(){var b=this;b.disabled=true;fetch(location.pathname+'/pay',{method:'POST',headers:{'content-type':'application/json'},body:'{}'}).then(function(r){return r.json();}).then(function(a){document.getElementById('result').textContent=a.message||'';if(a.returnUrl)location.href=a.returnUrl;});});`;
const STYLE = `body{font-family:system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px}.amount{font-size:28px;font-weight:700}button{font-size:18px;padding:10px 24px}`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const SANDBOX_PAGE_CSP = `default-src 'none'; connect-src 'self'; script-src ${sha256(SCRIPT)}; style-src ${sha256(STYLE)}`;

export function renderSandboxPage(input: { dossierCode: string; amount: number; paid: boolean }): string {
  return html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán thử nghiệm</title><style>${raw(STYLE)}</style></head><body>
<h1>Cổng thanh toán thử nghiệm</h1>
<p>Không phải ngân hàng thật: trang này giả lập cổng thanh toán để chạy thử.</p>
<p>Lệ phí hồ sơ <strong>${input.dossierCode}</strong></p>
<p class="amount">${input.amount.toLocaleString('vi-VN')} đồng</p>
${input.paid ? html`<p>Đã thanh toán.</p>` : html`<button id="pay" type="button">Thanh toán</button>`}
<p id="result" role="status"></p>
<script>${raw(SCRIPT)}</script>
</body></html>`.value;
}
