import { createHash } from 'node:crypto';
import { PUBLIC_MARK, PUBLIC_PAGE_STYLE } from './lookup-page.js';

/**
 * The public petitions page (/phan-anh-kien-nghi): send a petition about an administrative rule
 * (POST /api/public/petitions) and read the answers the agency has published
 * (GET /api/public/petitions). Like the lookup page it stands alone, writes every answer with
 * textContent, and runs only its own hash-pinned script.
 */
const SCRIPT = `
(function () {
  var form = document.getElementById('petition');
  var error = document.getElementById('error');
  var sent = document.getElementById('sent');
  var button = form.querySelector('button');
  var when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
  function date(value) {
    var p = {};
    when.formatToParts(new Date(value)).forEach(function (x) { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year;
  }
  function fail(text) { error.textContent = text; error.hidden = false; }
  var FIELDS = { senderName: 'Họ và tên', senderPhone: 'Số điện thoại', senderEmail: 'Thư điện tử', subject: 'Tiêu đề', content: 'Nội dung' };
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    var body = {};
    ['senderName', 'senderPhone', 'senderEmail', 'senderAddress', 'subject', 'content'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) body[name] = value;
    });
    if (!body.senderName || !body.subject || !body.content) { fail('Vui lòng nhập họ tên, tiêu đề và nội dung phản ánh, kiến nghị.'); return; }
    if (!body.senderPhone && !body.senderEmail) { fail('Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan trả lời.'); return; }
    button.disabled = true;
    fetch('/api/public/petitions', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.status === 201) {
            form.hidden = true;
            document.getElementById('s-code').textContent = data.code;
            document.getElementById('s-due').textContent = data.dueAt ? date(data.dueAt) : 'theo quy định';
            sent.hidden = false;
          } else if (response.status === 429) fail('Bạn đã gửi quá nhiều phản ánh, kiến nghị. Vui lòng thử lại sau.');
          else if (response.status === 400 && data.details && data.details.length) fail('Vui lòng kiểm tra lại: ' + data.details.map(function (d) { return FIELDS[d.field] || d.field; }).join(', ') + '.');
          else fail('Chưa gửi được lúc này, vui lòng thử lại sau.');
        });
      })
      .catch(function () { fail('Không kết nối được máy chủ, vui lòng thử lại sau.'); })
      .then(function () { button.disabled = false; });
  });
  var list = document.getElementById('answers');
  fetch('/api/public/petitions?size=20', { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (items) {
      list.textContent = '';
      if (!items.length) { var none = document.createElement('p'); none.textContent = 'Chưa có kết quả trả lời nào được công khai.'; list.appendChild(none); return; }
      items.forEach(function (item) {
        var article = document.createElement('article');
        var title = document.createElement('h3'); title.textContent = item.subject; article.appendChild(title);
        var meta = document.createElement('p'); meta.className = 'meta';
        meta.textContent = (item.kind === 'kien-nghi' ? 'Kiến nghị' : 'Phản ánh') + ' · ' + item.code + ' · trả lời ngày ' + date(item.publishedAt) + (item.answerNumber ? ' (văn bản số ' + item.answerNumber + ')' : '');
        article.appendChild(meta);
        var asked = document.createElement('p'); asked.textContent = item.content; article.appendChild(asked);
        var answer = document.createElement('p'); answer.className = 'answer'; answer.textContent = item.answer || ''; article.appendChild(answer);
        list.appendChild(article);
      });
    })
    .catch(function () { list.textContent = 'Không tải được danh sách trả lời.'; });
})();
`;

const EXTRA_STYLE = `
#answers article { border-top: 1px solid #d8dee4; padding-top: 10px; margin-top: 10px; }
#answers h3 { margin: 0; font-size: 1rem; color: #0b5cad; }
#answers .meta { color: #57606a; font-size: .9rem; margin: 4px 0; }
#answers .answer { border-left: 3px solid #1a7f37; padding-left: 10px; }
.bar nav { margin-left: auto; display: flex; gap: 14px; }
.bar nav a { font-size: .95rem; font-weight: 600; }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const PETITIONS_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(PUBLIC_PAGE_STYLE + EXTRA_STYLE)}`,
  "connect-src 'self'",
  'img-src data:',
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PETITIONS_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phản ánh, kiến nghị về quy định hành chính — OneDoor</title>
<link rel="icon" type="image/svg+xml" href="${PUBLIC_MARK}">
<style>${PUBLIC_PAGE_STYLE + EXTRA_STYLE}</style>
</head>
<body>
<header class="bar">
<a href="/tra-cuu"><img src="${PUBLIC_MARK}" alt="" width="20" height="20">OneDoor</a>
<span>Một cửa điện tử</span>
<nav><a href="/tra-cuu">Tra cứu hồ sơ</a><a href="/phan-anh-kien-nghi">Phản ánh, kiến nghị</a></nav>
</header>
<div class="intro">
<h1>Phản ánh, kiến nghị về quy định hành chính</h1>
<p>Gửi phản ánh về vướng mắc hoặc kiến nghị sửa đổi quy định, thủ tục hành chính. Cơ quan trả lời trong thời hạn quy định và công khai kết quả; thông tin cá nhân của người gửi không được công khai.</p>
</div>
<main>
<form id="petition" autocomplete="on" novalidate>
<label for="senderName">Họ và tên (hoặc tên tổ chức)</label>
<input id="senderName" name="senderName" maxlength="200" autocomplete="name" required>
<label for="senderPhone">Số điện thoại</label>
<input id="senderPhone" name="senderPhone" type="tel" maxlength="20" inputmode="tel" autocomplete="tel">
<label for="senderEmail">Thư điện tử</label>
<input id="senderEmail" name="senderEmail" type="email" maxlength="200" autocomplete="email">
<label for="senderAddress">Địa chỉ (không bắt buộc)</label>
<input id="senderAddress" name="senderAddress" maxlength="500" autocomplete="street-address">
<label for="subject">Tiêu đề</label>
<input id="subject" name="subject" maxlength="300" required>
<label for="content">Nội dung phản ánh, kiến nghị</label>
<textarea id="content" name="content" rows="6" maxlength="10000" required></textarea>
<button type="submit">Gửi phản ánh, kiến nghị</button>
</form>
<p id="error" class="error" role="alert" hidden></p>
<section id="sent" aria-live="polite" hidden>
<p class="ok">Đã tiếp nhận phản ánh, kiến nghị của bạn.</p>
<dl>
<dt>Mã phản ánh, kiến nghị</dt><dd id="s-code"></dd>
<dt>Hạn trả lời</dt><dd id="s-due"></dd>
</dl>
</section>
<section class="actions">
<h2>Kết quả trả lời đã công khai</h2>
<div id="answers" aria-live="polite"><p>Đang tải…</p></div>
</section>
</main>
<footer>Thời gian theo giờ Việt Nam. Căn cứ: Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính (sửa đổi, bổ sung).</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
