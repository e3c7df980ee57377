import { browserHarness } from '../../support/browser-harness.js';

/** Issue #24: a citizen sends a petition from the public page and reads the answers published. */
describe('the /phan-anh-kien-nghi page in a browser', () => {
  // A CSP hash that no longer matches the script shows up as a console error, not as a silent page.
  const { page, server: t } = browserHarness({ engine: { processes: true }, viewport: { width: 800, height: 1000 }, onePage: true, consoleErrors: true });

  it('given a citizen’s petition, when sent from the page, then its code and answer date show and it is in the desk’s inbox', async () => {
    await page.goto(`${t.baseUrl}/phan-anh-kien-nghi`);
    await page.waitForSelector('#answers p');
    expect(await page.textContent('#answers')).toContain('Chưa có kết quả trả lời nào được công khai.');
    await page.fill('#senderName', 'Hoàng Thị Mai');
    await page.fill('#senderPhone', '0912 345 678');
    await page.fill('#subject', 'Giấy khám sức khỏe khi cấp chứng chỉ hành nghề');
    await page.fill('#content', 'Đề nghị chấp nhận giấy khám sức khỏe đã nộp cho thủ tục khác trong vòng 12 tháng.');
    await page.click('#petition button[type=submit]');
    await page.waitForSelector('#sent:not([hidden])');
    const code = (await page.textContent('#s-code'))!;
    expect(code).toMatch(/^PAKN-\d{6}-\d{6}$/);
    expect(await page.textContent('#s-due')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const inbox = (await t.http.get('/api/tasks?candidate=true').set('Authorization', await t.login('motcua.syt'))).body as { businessKey: string }[];
    expect(inbox.map((x) => x.businessKey)).toContain(code);
  });

  it('given a form without a way to answer, when sent, then it says what is missing in Vietnamese and sends nothing', async () => {
    await page.goto(`${t.baseUrl}/phan-anh-kien-nghi`);
    await page.fill('#senderName', 'Hoàng Thị Mai');
    await page.fill('#subject', 'Thủ tục');
    await page.fill('#content', 'Nội dung đủ dài để gửi đi.');
    await page.click('#petition button[type=submit]');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toBe('Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan trả lời.');
  });

  it('given an answered petition, the page lists its question and answer — and never the sender', async () => {
    // The answer as the agency's clerk published it (the procedure's steps are walked in petitions.e2e).
    const sent = await t.http.post('/api/public/petitions').send({ senderName: 'Lý Văn Sinh', senderPhone: '0987654321', subject: 'Lệ phí cấp lại giấy chứng nhận', content: 'Đề nghị giảm lệ phí cấp lại khi giấy bị hỏng do thiên tai.' });
    await t.engine.db.query(`UPDATE petition SET status = 'answered', kind = 'kien-nghi', answer = 'Sở đã đề xuất miễn lệ phí trong trường hợp thiên tai.', answer_number = '88/SYT', finished_at = now(), published_at = now() WHERE code = $1`, [sent.body.code]);
    await page.goto(`${t.baseUrl}/phan-anh-kien-nghi`);
    await page.waitForSelector('#answers article');
    const text = await page.textContent('#answers');
    expect(text).toContain('Lệ phí cấp lại giấy chứng nhận');
    expect(text).toContain('Sở đã đề xuất miễn lệ phí trong trường hợp thiên tai.');
    expect(text).toContain('Kiến nghị');
    expect(text).toContain('88/SYT');
    expect(text).not.toContain('Lý Văn Sinh');
    expect(text).not.toContain('0987654321');
  });
});
