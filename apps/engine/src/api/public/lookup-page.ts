import { createHash } from 'node:crypto';

/**
 * The public lookup page (/tra-cuu): a form for dossier code + phone that asks
 * /api/public/dossiers with fetch and shows the answer. Results are written with textContent,
 * never as markup; the script and style are pinned by hash in the CSP, so nothing else runs.
 */
const STYLE = `
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; background: #f3f5f8; color: #1d2733; }
header { background: #a3161a; color: #fff; padding: 14px 20px; }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: 4px 0 0; font-size: .9rem; opacity: .9; }
main { max-width: 560px; margin: 24px auto; padding: 0 16px; }
form, section { background: #fff; border-radius: 8px; padding: 20px; box-shadow: 0 1px 3px rgba(0,0,0,.12); margin-bottom: 16px; }
label { display: block; font-weight: 600; margin: 10px 0 4px; }
input { width: 100%; box-sizing: border-box; padding: 10px; font-size: 1rem; border: 1px solid #b8c2cc; border-radius: 6px; }
button { margin-top: 16px; padding: 10px 18px; font-size: 1rem; border: 0; border-radius: 6px; background: #a3161a; color: #fff; cursor: pointer; }
button[disabled] { opacity: .6; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 16px; margin: 0; }
dt { color: #5b6773; }
dd { margin: 0; font-weight: 600; }
.error { color: #a3161a; font-weight: 600; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
(function () {
  var form = document.getElementById('lookup');
  var result = document.getElementById('result');
  var error = document.getElementById('error');
  var button = form.querySelector('button');
  var when = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
  function show(id, text) { document.getElementById(id).textContent = text; }
  function date(value) { return value ? when.format(new Date(value)) : 'Chưa có'; }
  function fail(text) { result.hidden = true; error.textContent = text; error.hidden = false; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var code = form.elements.code.value.trim();
    var phone = form.elements.phone.value.trim();
    if (!code || !phone) { fail('Vui lòng nhập mã hồ sơ và số điện thoại.'); return; }
    button.disabled = true;
    error.hidden = true;
    fetch('/api/public/dossiers/' + encodeURIComponent(code) + '?phone=' + encodeURIComponent(phone), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 429) {
          var wait = response.headers.get('Retry-After');
          fail('Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ' + (wait ? wait + ' giây' : 'ít phút') + '.');
          return;
        }
        if (response.status === 404 || response.status === 400) { fail('Không tìm thấy hồ sơ có mã và số điện thoại này. Vui lòng kiểm tra lại.'); return; }
        if (!response.ok) { fail('Chưa tra cứu được lúc này, vui lòng thử lại sau.'); return; }
        return response.json().then(function (d) {
          show('r-code', d.code);
          show('r-procedure', d.procedureName || '');
          show('r-status', d.statusText);
          show('r-received', date(d.receivedAt));
          show('r-due', date(d.dueAt));
          show('r-step', d.currentStep || 'Không có');
          result.hidden = false;
        });
      })
      .catch(function () { fail('Không kết nối được máy chủ, vui lòng thử lại sau.'); })
      .then(function () { button.disabled = false; });
  });
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const LOOKUP_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const LOOKUP_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ thủ tục hành chính</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Tra cứu tình trạng hồ sơ</h1>
<p>Nhập mã hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng số điện thoại đã đăng ký khi nộp hồ sơ.</p>
</header>
<main>
<form id="lookup" autocomplete="off" novalidate>
<label for="code">Mã hồ sơ</label>
<input id="code" name="code" maxlength="100" placeholder="Ví dụ: H38.2-270409-0000015" required>
<label for="phone">Số điện thoại</label>
<input id="phone" name="phone" type="tel" maxlength="20" inputmode="tel" required>
<button type="submit">Tra cứu</button>
</form>
<p id="error" class="error" role="alert" hidden></p>
<section id="result" aria-live="polite" hidden>
<dl>
<dt>Mã hồ sơ</dt><dd id="r-code"></dd>
<dt>Thủ tục</dt><dd id="r-procedure"></dd>
<dt>Trạng thái</dt><dd id="r-status"></dd>
<dt>Ngày tiếp nhận</dt><dd id="r-received"></dd>
<dt>Hẹn trả kết quả</dt><dd id="r-due"></dd>
<dt>Bước đang xử lý</dt><dd id="r-step"></dd>
</dl>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
