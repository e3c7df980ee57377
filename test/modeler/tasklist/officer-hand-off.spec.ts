import { openTab, openTaskAt, PROCEDURE_1_001806, screenshot } from './support/tasklist-page.js';
import { browserHarness } from '../../support/browser-harness.js';

/**
 * Issue #3's browser test: the one-stop desk receives a dossier and finishes reception; the
 * head of the next division finds it in the department's list, sees where it stands on the
 * diagram and completes it. Real engine, real PostgreSQL, headless Chromium.
 */
describe('task list: a dossier handed from the one-stop desk to the next department', () => {
  const { page, server: engine, signIn, signOut } = browserHarness({ engine: { processes: true } });

  it('given the desk officer receives a dossier, when she completes reception and the head of division completes the next step, then the dossier moves on', async () => {
    // given: the one-stop desk officer of the Department of Health at `/`
    await signIn('motcua.syt');
    expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('Nông Thị Lan');
    expect(await page.locator('.od-app-nav a').allTextContents()).toEqual(['Công việc', 'Tra cứu hồ sơ', 'Sổ theo dõi', 'Lịch làm việc']);

    // when: she receives a dossier at the desk
    await page.click('[data-action="receive-dossier"]');
    await page.waitForSelector(`select[name="procedureKey"] option[value="${PROCEDURE_1_001806}"]`, { state: 'attached' });
    // (only her agency's procedures are offered: 1.001806 and the inter-agency 1.013814 it is the entry of)
    expect(await page.locator('select[name="procedureKey"] option').allTextContents()).toEqual([
      '— chọn thủ tục —',
      expect.stringMatching(/^1\.001806 — /),
      expect.stringMatching(/^1\.013814 — /),
    ]);
    await page.selectOption('select[name="procedureKey"]', PROCEDURE_1_001806);
    await page.fill('input[name="name"]', 'Công ty TNHH Hoa Mai');
    await page.fill('input[name="idNumber"]', '0801234567');
    await page.fill('input[name="phone"]', '0912 345 678');
    // the procedure's documents to check off; a missing required one stops the reception
    const components = page.locator('[data-testid="components"] input[name="components"]');
    expect(await components.count()).toBe(4);
    await components.nth(0).check();
    await page.click('[data-action="confirm-receive"]');
    expect(await page.locator('.od-receive-form .od-form-error').textContent()).toContain('Còn thiếu thành phần bắt buộc: Danh sách lao động là người khuyết tật của cơ sở');
    for (let i = 1; i < 4; i++) await components.nth(i).check();
    await page.click('[data-action="confirm-receive"]');

    // then: the code, the appointment and the receipt link
    const receipt = page.locator('.od-receipt-card');
    await receipt.waitFor();
    const code = (await receipt.locator('[data-field="code"]').textContent())!;
    expect(code).toMatch(/^SYT-\d{6}-\d{7}$/);
    expect(await receipt.locator('[data-field="appointment"]').textContent()).toMatch(/^Thứ .+, \d{2}\/\d{2}\/\d{4} lúc \d{2}:\d{2}$/);
    expect(await receipt.locator('a[data-form="01"]').getAttribute('href')).toBe(`/#/print/${code}/01`);
    const admin = await engine.login('admin');
    const dossier = (await engine.http.get(`/api/dossiers/${code}`).set('Authorization', admin)).body;
    expect(dossier.applicant).toEqual(expect.objectContaining({ name: 'Công ty TNHH Hoa Mai', idNumber: '0801234567', phone: '0912 345 678' }));

    // when: she goes on to the reception step and completes it
    await page.click('[data-action="open-first-step"]');
    await page.waitForSelector('.od-task-view[data-element-id="buoc-1-tiep-nhan"]');
    expect(await page.locator('.od-dossier-card [data-field="applicant"]').textContent()).toBe('Công ty TNHH Hoa Mai');
    await page.click('[data-action="confirm-complete"]');

    // then: back in her list with a confirmation
    await page.waitForSelector('.od-flash[data-kind="success"]');
    expect(await page.locator('.od-flash').textContent()).toContain('Đã hoàn thành “Tiếp nhận hồ sơ');
    await signOut();

    // given: the head of the Social Protection division
    await signIn('truongphong.btxh');

    // when: he looks at the department's list
    await openTab(page, 'candidate');
    const row = page.locator(`tr[data-dossier-code="${code}"]`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      'Phân công chuyên viên thụ lý',
      code,
      expect.stringContaining('Quyết định công nhận cơ sở sản xuất'),
      'Phòng Bảo trợ xã hội và Trẻ em',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/),
      'Chưa có người nhận',
    ]);

    // and: opens it
    await row.locator('a.od-task-link').click();
    await page.waitForSelector('.od-diagram[data-loaded]');

    // then: the diagram marks the current step, the control sheet shows reception done
    expect(await page.locator('.od-diagram .djs-element.od-current').getAttribute('data-element-id')).toBe('buoc-2-phan-cong');
    expect(await page.locator('.od-diagram .djs-element.od-active').count()).toBe(1);
    const stroke = await page.locator('.od-diagram .djs-element.od-current .djs-visual > :first-child').evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe('rgb(224, 138, 0)');
    const reception = page.locator('.od-control-sheet tr[data-element-id="buoc-1-tiep-nhan"]');
    expect(['early', 'on_time']).toContain(await reception.getAttribute('data-result'));
    expect(await page.locator('.od-control-sheet tr[data-element-id="buoc-2-phan-cong"] .od-badge').textContent()).toBe('Đang xử lý');
    // an officer never sees the process variables
    expect(await page.locator('.od-variables').count()).toBe(0);

    // when: he claims it
    await page.click('[data-action="claim"]');
    await page.waitForSelector('[data-action="unclaim"]');
    expect(await page.locator('.od-flash').textContent()).toContain('Bạn đã nhận việc này.');
    await page.waitForSelector('.od-diagram[data-loaded]');
    await screenshot(page, 'task-detail.png');

    // and: picks the specialist on the step's form and completes it
    expect(await page.locator('.od-field[data-field="chuyenVienThuLy"] label').textContent()).toBe('Chuyên viên thụ lý');
    expect(await page.locator('select[name="chuyenVienThuLy"] option').allTextContents()).toEqual(['— để trong danh sách việc của phòng —', 'Hà Thị Thu Trang']);
    await page.selectOption('select[name="chuyenVienThuLy"]', 'chuyenvien.btxh');
    await page.click('[data-action="confirm-complete"]');
    await page.waitForSelector('.od-flash[data-kind="success"]');

    // then: the dossier is in the specialist's own hands
    const next = await openTaskAt(engine, 'truongphong.btxh', dossier.processInstanceId, 'buoc-3-tham-dinh');
    expect(next.assignee).toBe('chuyenvien.btxh');
    const history = (await engine.http.get(`/api/dossiers/${code}`).set('Authorization', admin)).body.steps;
    expect(history.map((s: { elementId: string; assignee: string | null }) => `${s.elementId}:${s.assignee}`)).toEqual([
      'buoc-1-tiep-nhan:motcua.syt',
      'buoc-2-phan-cong:truongphong.btxh',
      'buoc-3-tham-dinh:chuyenvien.btxh',
    ]);
  });

  it('given nobody is logged in, when `/` opens, then it offers the login with the demo note and the designer; after login in English the list speaks English', async () => {
    // given
    await page.goto(`${engine.baseUrl}/`);
    await page.evaluate(() => localStorage.removeItem('onedoor.token'));
    await page.reload();

    // then
    await page.waitForSelector('.od-login-form');
    expect(await page.locator('h1').textContent()).toBe('OneDoor — Một cửa điện tử');
    expect(await page.locator('[data-testid="demo-note"]').textContent()).toContain('mật khẩu “demo”');
    expect(await page.locator('[data-testid="open-modeler"]').getAttribute('href')).toBe('/modeler/');

    // when: a demo name fills the username; switched to English; logged in
    await page.click('[data-testid="demo-note"] button:text("truongphong.btxh")');
    expect(await page.inputValue('input[name="username"]')).toBe('truongphong.btxh');
    await page.click('[data-action="switch-language"]');
    await page.waitForSelector('h1:text("OneDoor — electronic one-stop shop")');
    await page.fill('input[name="username"]', 'truongphong.btxh');
    await page.fill('input[name="password"]', 'demo');
    await page.click('.od-login-form button[type="submit"]');

    // then
    await page.waitForSelector('.od-inbox-body[data-loaded]');
    expect(await page.locator('.od-tab').allTextContents()).toEqual([expect.stringMatching(/^My tasks/), expect.stringMatching(/^Department tasks/), expect.stringMatching(/^Overdue/), 'Waiting for supplement']);
    await page.click('[data-action="switch-language"]');
    await page.waitForSelector('.od-tab:text("Việc của tôi")');
  });

  it('given a designer without an inbox, when she logs in, then she is told so and led to the designer', async () => {
    // when
    await signIn('thietke');

    // then
    expect(await page.locator('[data-testid="no-inbox"]').textContent()).toContain('Tài khoản của bạn không có danh sách công việc');
    expect(await page.locator('.od-app-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/', '/modeler/', '/calendar/']);
    expect(await page.locator('.od-tab').count()).toBe(0);
  });
});
