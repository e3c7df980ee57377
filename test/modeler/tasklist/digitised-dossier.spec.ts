import { Journey, pdf, png, VET_PRACTICE } from '../../engine/dossier-files/dossier-journey.js';
import { browserHarness } from '../../support/browser-harness.js';

/**
 * Issue #23 in the browser: the desk scans a dossier's components and is offered the applicant's
 * earlier papers; an officer opens the dossier's documents from the task page; the applicant
 * takes the electronic result on /tra-cuu with a one-time code and rates the service.
 */
describe('digitised dossiers in the browser', () => {
  const { page, server: engine, signIn, newPage } = browserHarness({ engine: { processes: true } });
  const j = new Journey(engine);

  it('given a dossier received at the desk, when the desk uploads scans and reuses an earlier paper, and the specialist opens the documents from the task page, then they view and download the very files', async () => {
    // given: the applicant's earlier dossier holds her diploma
    const earlier = await j.receive({ name: 'Lương Thị Mai', idNumber: '001090000200', phone: '0912000200' });
    await j.upload(earlier, 'van-bang', pdf('van bang Mai'), 'Văn bằng.pdf');

    // when: the desk receives her new dossier on the reception page
    await signIn('motcua.snnmt');
    await page.click('[data-action="receive-dossier"]');
    await page.waitForSelector(`select[name="procedureKey"] option[value="${VET_PRACTICE}"]`, { state: 'attached' });
    await page.selectOption('select[name="procedureKey"]', VET_PRACTICE);
    await page.fill('input[name="name"]', 'Lương Thị Mai');
    await page.fill('input[name="idNumber"]', '001090000200');
    await page.fill('input[name="phone"]', '0912000200');
    const checks = page.locator('[data-testid="components"] input[name="components"]');
    for (let i = 0; i < (await checks.count()); i++) await checks.nth(i).check();
    await page.click('[data-action="confirm-receive"]');
    const receipt = page.locator('.od-receipt-card');
    await receipt.waitFor();
    const code = (await receipt.locator('[data-field="code"]').textContent())!;

    // then: beside the receipt, the components to scan, and her diploma offered for reuse
    await page.waitForSelector('[data-testid="dossier-files"][data-state="ready"]');
    expect(await page.locator('[data-testid="dossier-files"] h2').textContent()).toBe('Thành phần hồ sơ điện tử');
    expect(await page.locator('[data-testid="reuse-offer"]').count()).toBe(1);
    await page.setInputFiles('li[data-component-id="don-dang-ky"] input[type="file"]', { name: 'Đơn đăng ký.pdf', mimeType: 'application/pdf', buffer: pdf('don dang ky Mai') });
    await page.click('li[data-component-id="don-dang-ky"] [data-action="upload-file"]');
    await page.waitForSelector('li[data-component-id="don-dang-ky"][data-files="1"]');
    await page.setInputFiles('li[data-component-id="anh"] input[type="file"]', { name: 'anh-the.png', mimeType: 'image/png', buffer: png() });
    await page.click('li[data-component-id="anh"] [data-action="upload-file"]');
    await page.waitForSelector('li[data-component-id="anh"][data-files="1"]');
    await page.click('li[data-component-id="van-bang"] [data-action="reuse-file"]');
    await page.waitForSelector('li[data-component-id="van-bang"][data-files="1"]');
    expect(await page.locator('li[data-component-id="van-bang"] [data-field="reused"]').textContent()).toBe(`dùng lại từ hồ sơ ${earlier}`);
    expect(await page.locator('[data-testid="reuse-offer"]').count()).toBe(0);

    // and: a renamed executable is refused with the reason shown
    await page.setInputFiles('li[data-component-id="suc-khoe"] input[type="file"]', { name: 'suc-khoe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf', 'latin1') });
    await page.click('li[data-component-id="suc-khoe"] [data-action="upload-file"]');
    await page.waitForSelector('[data-testid="dossier-files"] .od-form-error:not(:empty)');
    expect(await page.locator('[data-testid="dossier-files"] .od-form-error').textContent()).toContain('not a PDF, PNG or JPEG');

    // then: the specialist, at their step, opens the documents from the task page
    await j.complete(code, 'motcua.snnmt');
    const step = await j.openStep(code);
    await signIn('chuyenvien.cnty');
    await page.goto(`${engine.baseUrl}/#/task/${step.id}`);
    await page.waitForSelector('.od-task-view [data-testid="dossier-files"][data-state="ready"]');
    const files = page.locator('.od-task-view [data-testid="dossier-files"]');
    expect(await files.locator('li[data-component-id] .od-file-name').allTextContents()).toEqual(['Đơn đăng ký.pdf', 'Văn bằng.pdf', 'anh-the.png']);
    // view: a new tab with the file's bytes
    const [popup] = await Promise.all([page.context().waitForEvent('page'), files.locator('li[data-component-id="don-dang-ky"] [data-action="view-file"]').click()]);
    expect(popup.url()).toMatch(/^blob:/);
    await popup.close();
    // download: the same bytes, under the file's name
    const [download] = await Promise.all([page.waitForEvent('download'), files.locator('li[data-component-id="van-bang"] [data-action="download-file"]').click()]);
    expect(download.suggestedFilename()).toBe('Văn bằng.pdf');
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('latin1')).toContain('van bang Mai');
    // the dossier is open: the specialist may add a missing scan to any component
    expect(await files.locator('[data-action="upload-file"]').count()).toBe(4);
  });

  it('given the result attached at the returning step, when the citizen looks the dossier up from the receipt’s QR link, then they get the result with the one-time code and rate the service once', async () => {
    // given
    const phone = '0912000300';
    const code = await j.receive({ name: 'Hoàng Văn Nam', idNumber: '001090000300', phone });
    await j.toReturnStep(code);
    // the desk attaches the result on the task page
    const step = await j.openStep(code);
    await signIn('motcua.snnmt');
    await page.goto(`${engine.baseUrl}/#/task/${step.id}`);
    await page.waitForSelector('.od-task-view [data-testid="dossier-files"][data-state="ready"]');
    await page.setInputFiles('[data-testid="result-file"] input[type="file"]', { name: 'Chứng chỉ hành nghề thú y.pdf', mimeType: 'application/pdf', buffer: pdf('chung chi Nam') });
    await page.click('[data-testid="result-file"] [data-action="attach-result"]');
    await page.waitForSelector('[data-testid="result-file"] li[data-file-id]');
    await j.complete(code, 'motcua.snnmt', { hinhThucTraKetQua: 'truc-tuyen' });

    // when: the QR code of the receipt opens the lookup with the code filled in
    const receipt = await engine.http.get(`/api/documents/${code}/01`).set('Authorization', await j.as('motcua.snnmt'));
    const link = /<span class="lookup-url">([^<]+)<\/span>/.exec(receipt.text)![1].replace(/&amp;/g, '&');
    expect(link).toBe(`${engine.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}`);
    const citizen = await newPage();
    await citizen.goto(link);
    expect(await citizen.inputValue('#code')).toBe(code);
    await citizen.fill('#phone', phone);
    await citizen.click('#lookup button[type=submit]');
    await citizen.waitForSelector('#result-box:not([hidden])');
    await citizen.click('#send-code');
    await citizen.waitForSelector('#otp-form:not([hidden])');
    expect(await citizen.textContent('#otp-message')).toContain('*******300');
    // the SMS the gateway would send
    const [sms] = await engine.db.dataSource.query(`SELECT body FROM applicant_notice WHERE dossier_code = $1 AND event = 'one_time_code' ORDER BY id DESC LIMIT 1`, [code]);
    const oneTimeCode = /la (\d{6})/.exec(sms.body)![1];
    // a wrong code first
    await citizen.fill('#otp', oneTimeCode === '000000' ? '111111' : '000000');
    await citizen.click('#otp-form button[type=submit]');
    await citizen.waitForFunction(() => /không đúng/.test(document.getElementById('otp-message')!.textContent ?? ''));
    expect(await citizen.textContent('#otp-message')).toBe('Mã xác thực không đúng. Bạn còn 4 lần thử.');
    await citizen.fill('#otp', oneTimeCode);
    await citizen.click('#otp-form button[type=submit]');
    await citizen.waitForSelector('#result-link:not([hidden])');
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.click('#result-link')]);
    expect(download.suggestedFilename()).toBe('Chứng chỉ hành nghề thú y.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('latin1')).toContain('chung chi Nam');

    // then: the rating, once
    await citizen.check('#rating-form input[value="satisfied"]');
    await citizen.fill('#comment', 'Không phải đi lại nhận kết quả.');
    await citizen.click('#rating-form button[type=submit]');
    await citizen.waitForFunction(() => /Cảm ơn/.test(document.getElementById('rating-message')!.textContent ?? ''));
    expect(await citizen.textContent('#rating-message')).toBe('Cảm ơn bạn đã đánh giá: Hài lòng.');
    const rows = await engine.db.dataSource.query(`SELECT rating, comment FROM dossier_rating WHERE dossier_code = $1`, [code]);
    expect(rows).toEqual([{ rating: 'satisfied', comment: 'Không phải đi lại nhận kết quả.' }]);
    // looked up again, the page remembers the rating and offers no second one
    await citizen.click('#lookup button[type=submit]');
    await citizen.waitForFunction(() => /đã đánh giá/.test(document.getElementById('rating-message')!.textContent ?? ''));
    expect(await citizen.isHidden('#rating-form')).toBe(true);
  });
});
