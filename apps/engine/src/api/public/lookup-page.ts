import { createHash } from 'node:crypto';

/**
 * The public lookup page (/tra-cuu): a form for dossier code + phone that asks
 * /api/public/dossiers with fetch and shows the answer, in the look of the agency's app (its
 * header, colours and date format) so an applicant knows whose page this is. Results are
 * written with textContent, never as markup; the script and style are pinned by hash in the
 * CSP, so nothing else runs.
 */
/** The public pages' look (also the petitions page): the agency app's bar, colours and type. */
export const PUBLIC_PAGE_STYLE = `
body { margin: 0; font-family: 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; font-size: 15px; background: #f6f8fa; color: #1f2328; }
.bar { display: flex; align-items: center; gap: 10px; background: #0b5cad; color: #fff; padding: 8px 20px; }
.bar a { color: #fff; font-weight: 700; font-size: 18px; text-decoration: none; display: inline-flex; align-items: center; gap: 6px; }
.bar img { border: 1px solid rgba(255,255,255,.6); border-radius: 5px; }
.bar span { opacity: .9; }
.intro { max-width: 560px; margin: 20px auto 0; padding: 0 16px; }
.intro h1 { margin: 0; font-size: 1.35rem; color: #0b5cad; }
.intro p { margin: 6px 0 0; color: #57606a; }
main { max-width: 560px; margin: 16px auto 24px; padding: 0 16px; }
form, section { background: #fff; border-radius: 8px; padding: 20px; box-shadow: 0 1px 3px rgba(0,0,0,.12); margin-bottom: 16px; }
label { display: block; font-weight: 600; margin: 10px 0 4px; }
input { width: 100%; box-sizing: border-box; padding: 10px; font-size: 1rem; border: 1px solid #b8c2cc; border-radius: 6px; }
button { margin-top: 16px; padding: 10px 18px; font-size: 1rem; border: 0; border-radius: 6px; background: #0b5cad; color: #fff; font-weight: 600; cursor: pointer; }
button:hover { background: #084683; }
button[disabled] { opacity: .6; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 16px; margin: 0; }
dt { color: #5b6773; }
dd { margin: 0; font-weight: 600; }
.error { color: #c62828; font-weight: 600; }
.actions h2 { margin: 0 0 8px; font-size: 1.1rem; color: #0b5cad; }
.actions p { margin: 6px 0; }
textarea { width: 100%; box-sizing: border-box; padding: 10px; font-size: 1rem; border: 1px solid #b8c2cc; border-radius: 6px; font-family: inherit; }
.choices { display: flex; gap: 16px; flex-wrap: wrap; margin-top: 6px; }
.choices label { font-weight: 400; display: inline-flex; align-items: center; gap: 6px; margin: 0; }
input[type=radio] { width: auto; }
.ok { color: #1a7f37; font-weight: 600; }
a.download { display: inline-block; margin-top: 12px; padding: 10px 18px; border-radius: 6px; background: #1a7f37; color: #fff; font-weight: 600; text-decoration: none; }
footer { max-width: 560px; margin: 0 auto 24px; padding: 0 16px; font-size: .85rem; color: #57606a; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
(function () {
  var form = document.getElementById('lookup');
  var result = document.getElementById('result');
  var error = document.getElementById('error');
  var button = form.querySelector('button');
  var when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23' });
  function show(id, text) { document.getElementById(id).textContent = text; }
  function date(value) {
    if (!value) return 'Chưa có';
    var p = {};
    when.formatToParts(new Date(value)).forEach(function (x) { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }
  function fail(text) { result.hidden = true; document.getElementById('result-box').hidden = true; document.getElementById('rating-box').hidden = true; error.textContent = text; error.hidden = false; }
  var RATINGS = { satisfied: 'Hài lòng', normal: 'Bình thường', dissatisfied: 'Không hài lòng' };
  var current = null;
  var resultBox = document.getElementById('result-box');
  var ratingBox = document.getElementById('rating-box');
  var codeForm = document.getElementById('otp-form');
  var ratingForm = document.getElementById('rating-form');
  function say(id, text, ok) { var el = document.getElementById(id); el.textContent = text; el.className = ok ? 'ok' : 'error'; el.hidden = !text; }
  function post(path, body) {
    return fetch('/api/public/dossiers/' + encodeURIComponent(current.code) + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().catch(function () { return {}; }).then(function (data) { return { status: response.status, data: data }; }); });
  }
  function offer(d) {
    resultBox.hidden = !d.resultAvailable;
    codeForm.hidden = true;
    document.getElementById('result-link').hidden = true;
    say('otp-message', '');
    ratingBox.hidden = !(d.mayRate || d.rating);
    ratingForm.hidden = !d.mayRate;
    say('rating-message', d.rating ? 'Bạn đã đánh giá: ' + RATINGS[d.rating] + '. Cảm ơn bạn!' : '', true);
  }
  var requested = /[?&]ma=([^&#]*)/.exec(location.search);
  if (requested) form.elements.code.value = decodeURIComponent(requested[1].replace(/\\+/g, ' '));
  document.getElementById('send-code').addEventListener('click', function () {
    say('otp-message', '');
    post('/result-code', { phone: current.phone }).then(function (r) {
      if (r.status === 201) {
        codeForm.hidden = false;
        say('otp-message', 'Mã xác thực đã được gửi qua tin nhắn tới số ' + r.data.sentTo + ', hiệu lực đến ' + date(r.data.expiresAt) + '.', true);
        codeForm.elements.otp.focus();
      } else if (r.status === 429) say('otp-message', 'Bạn đã yêu cầu quá nhiều mã. Vui lòng thử lại sau.');
      else say('otp-message', 'Chưa gửi được mã xác thực, vui lòng thử lại sau.');
    }, function () { say('otp-message', 'Không kết nối được máy chủ, vui lòng thử lại sau.'); });
  });
  codeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var otp = codeForm.elements.otp.value.trim();
    if (!/^[0-9]{6}$/.test(otp)) { say('otp-message', 'Mã xác thực gồm 6 chữ số.'); return; }
    post('/result-code/verify', { phone: current.phone, code: otp }).then(function (r) {
      if (r.status === 200) {
        var link = document.getElementById('result-link');
        link.href = r.data.downloadUrl;
        link.textContent = 'Tải kết quả: ' + r.data.fileName;
        link.hidden = false;
        codeForm.hidden = true;
        say('otp-message', 'Xác thực thành công. Đường dẫn tải kết quả có hiệu lực đến ' + date(r.data.expiresAt) + '.', true);
      } else if (r.status === 400) {
        var left = /(\\d+) attempt/.exec(r.data.message || '');
        say('otp-message', left ? 'Mã xác thực không đúng. Bạn còn ' + left[1] + ' lần thử.' : 'Mã xác thực không đúng hoặc đã hết hiệu lực. Vui lòng yêu cầu mã mới.');
      } else say('otp-message', 'Chưa xác thực được lúc này, vui lòng thử lại sau.');
    }, function () { say('otp-message', 'Không kết nối được máy chủ, vui lòng thử lại sau.'); });
  });
  ratingForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = ratingForm.querySelector('input[name=rating]:checked');
    if (!chosen) { say('rating-message', 'Vui lòng chọn mức độ hài lòng.'); return; }
    post('/rating', { phone: current.phone, rating: chosen.value, comment: ratingForm.elements.comment.value.trim() || undefined }).then(function (r) {
      if (r.status === 201) { ratingForm.hidden = true; say('rating-message', 'Cảm ơn bạn đã đánh giá: ' + RATINGS[r.data.rating] + '.', true); }
      else if (r.status === 409) { ratingForm.hidden = true; say('rating-message', 'Hồ sơ này đã được đánh giá.'); }
      else say('rating-message', 'Chưa gửi được đánh giá, vui lòng thử lại sau.');
    }, function () { say('rating-message', 'Không kết nối được máy chủ, vui lòng thử lại sau.'); });
  });
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
          show('r-agency', d.agencyName || '');
          show('r-status', d.statusText);
          show('r-received', date(d.receivedAt));
          show('r-due', date(d.dueAt));
          show('r-step', d.currentStep || 'Không có');
          current = { code: d.code, phone: phone };
          offer(d);
          result.hidden = false;
        });
      })
      .catch(function () { fail('Không kết nối được máy chủ, vui lòng thử lại sau.'); })
      .then(function () { button.disabled = false; });
  });
})();
`;

/** The app's mark, inline: the page stands alone (no static files needed to draw its header). */
export const PUBLIC_MARK = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M9 26V8a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v18" fill="none" stroke="#fff" stroke-width="2.5"/><circle cx="19" cy="17" r="1.6" fill="#fff"/><path d="M6 26h20" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>',
)}`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const LOOKUP_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(PUBLIC_PAGE_STYLE)}`,
  "connect-src 'self'",
  "img-src data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const LOOKUP_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ thủ tục hành chính — OneDoor</title>
<link rel="icon" type="image/svg+xml" href="${PUBLIC_MARK}">
<style>${PUBLIC_PAGE_STYLE}</style>
</head>
<body>
<header class="bar">
<a href="/tra-cuu"><img src="${PUBLIC_MARK}" alt="" width="20" height="20">OneDoor</a>
<span>Một cửa điện tử — Cổng tra cứu hồ sơ</span>
</header>
<div class="intro">
<h1>Tra cứu tình trạng hồ sơ</h1>
<p>Nhập mã hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng số điện thoại đã đăng ký khi nộp hồ sơ.</p>
</div>
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
<dt>Cơ quan giải quyết</dt><dd id="r-agency"></dd>
<dt>Trạng thái</dt><dd id="r-status"></dd>
<dt>Ngày tiếp nhận</dt><dd id="r-received"></dd>
<dt>Hẹn trả kết quả</dt><dd id="r-due"></dd>
<dt>Bước đang xử lý</dt><dd id="r-step"></dd>
</dl>
</section>
<section id="result-box" class="actions" hidden>
<h2>Kết quả điện tử</h2>
<p>Kết quả giải quyết hồ sơ đã được trả bản điện tử. Để nhận, bấm “Gửi mã xác thực”: mã gồm 6 chữ số được gửi qua tin nhắn tới số điện thoại đã đăng ký.</p>
<button type="button" id="send-code">Gửi mã xác thực</button>
<form id="otp-form" autocomplete="off" novalidate hidden>
<label for="otp">Mã xác thực</label>
<input id="otp" name="otp" inputmode="numeric" maxlength="6" autocomplete="one-time-code">
<button type="submit">Nhận kết quả</button>
</form>
<p id="otp-message" role="status" hidden></p>
<a id="result-link" class="download" hidden></a>
</section>
<section id="rating-box" class="actions" hidden>
<h2>Đánh giá mức độ hài lòng</h2>
<form id="rating-form" novalidate>
<div class="choices" role="radiogroup" aria-label="Mức độ hài lòng">
<label><input type="radio" name="rating" value="satisfied"> Hài lòng</label>
<label><input type="radio" name="rating" value="normal"> Bình thường</label>
<label><input type="radio" name="rating" value="dissatisfied"> Không hài lòng</label>
</div>
<label for="comment">Góp ý (không bắt buộc)</label>
<textarea id="comment" name="comment" rows="3" maxlength="1000"></textarea>
<button type="submit">Gửi đánh giá</button>
</form>
<p id="rating-message" role="status" hidden></p>
</section>
</main>
<footer>Thời gian theo giờ Việt Nam (dd/mm/yyyy giờ:phút). Trang tra cứu không hiển thị thông tin cá nhân của người nộp hồ sơ.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
