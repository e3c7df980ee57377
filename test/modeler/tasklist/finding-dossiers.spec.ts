import { ManualClock } from '../../engine/support/engine-harness.js';
import { browserHarness } from '../../support/browser-harness.js';
import { Desk } from './support/desk.js';
import { completeOverHttp, screenshot } from './support/tasklist-page.js';

const DISABILITY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const COMPONENTS = ['van-ban-de-nghi', 'danh-sach-lao-dong', 'xac-nhan-khuyet-tat', 'hop-dong-lao-dong'];
const DAY = 24 * 3600_000;

/**
 * Issue #18: a dossier found again weeks later — by any key, in the tracking book — and its
 * page: every form printable at any time (a copied link asks for the login, never shows a raw
 * 401), and the actions of its state: apology with a new appointment, refuse, stop, withdraw.
 */
describe('finding a dossier again', () => {
  // Monday 1 March 2027, 08:00 in Vietnam
  const clock = new ManualClock(new Date('2027-03-01T01:00:00Z'));
  const { page, server: engine, browser } = browserHarness({ engine: { processes: true, clock }, onePage: true });
  const desk = new Desk(engine, page);
  const codes: Record<'sought' | 'other' | 'refused' | 'stopped' | 'withdrawn', string> = {} as never;

  beforeAll(async () => {
    const receive = async (name: string, applicant: object = {}) => {
      const res = await engine.http
        .post('/api/dossiers')
        .set('Authorization', await desk.bearer('motcua.syt'))
        .send({ procedureKey: DISABILITY, applicant: { name, ...applicant }, channel: 'online', components: COMPONENTS });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      await completeOverHttp(engine, 'motcua.syt', res.body.processInstanceId, 'buoc-1-tiep-nhan');
      return res.body.code as string;
    };
    // given: a dossier received on 1 March (due 15 March), three more for the actions, one two days later
    codes.sought = await receive('Nguyễn Thị Hồng Nhung', { idNumber: '012345678901', phone: '0912 345 678' });
    codes.refused = await receive('Công ty CP Non Nước');
    codes.stopped = await receive('Hộ kinh doanh Nông Văn Tuấn');
    codes.withdrawn = await receive('Bà Hoàng Thị Lan');
    clock.advance(2 * DAY);
    codes.other = await receive('Cơ sở may Hà Quảng');
    // when: three weeks pass; the sought dossier is overdue
    clock.advance(20 * DAY);
    await page.clock.setFixedTime(clock.now());
  }, 120_000);

  /** Submits the search form with `fill` applied and returns the codes found. */
  const search = async (fill: () => Promise<unknown>): Promise<string[]> => {
    await desk.open('motcua.syt', '#/dossiers');
    await page.waitForSelector('.od-search-results[data-loaded]');
    if (!(await page.locator('.od-search-more').evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('.od-search-more summary');
    await fill();
    const before = page.url();
    await page.click('[data-action="search"]');
    await page.waitForFunction((url) => location.href !== url, before);
    await page.waitForSelector('.od-search-results[data-loaded]');
    return page.locator('.od-dossier-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dossierCode!));
  };

  it('given the desk three weeks later, when she searches by each key she may have, then the dossier is found every time', async () => {
    const keys: [string, () => Promise<unknown>][] = [
      ['the code', () => page.fill('input[name="q"]', codes.sought)],
      ['the name without diacritics', () => page.fill('input[name="q"]', 'nguyen thi hong nhung')],
      ['the identity number', () => page.fill('input[name="q"]', '012345678901')],
      ['the phone', () => page.fill('input[name="q"]', '0912345678')],
      ['the applicant field', () => page.fill('input[name="applicant"]', 'Hồng Nhung')],
      ['the procedure', () => page.selectOption('select[name="procedureKey"]', DISABILITY)],
      ['the status', () => page.selectOption('select[name="status"]', '4')],
      ['the reception day', async () => (await page.fill('input[name="receivedFrom"]', '2027-03-01'), await page.fill('input[name="receivedTo"]', '2027-03-01'))],
      ['the appointment range', async () => (await page.fill('input[name="dueFrom"]', '2027-03-08'), await page.fill('input[name="dueTo"]', '2027-03-15'))],
      ['overdue only', () => page.check('input[name="overdue"]')],
    ];
    for (const [key, fill] of keys) expect({ key, found: await search(fill) }).toEqual({ key, found: expect.arrayContaining([codes.sought]) });
    // and: the reception day leaves out the one received two days later; the row speaks names and dates
    expect(await search(async () => (await page.fill('input[name="receivedFrom"]', '2027-03-03'), await page.fill('input[name="receivedTo"]', '2027-03-03')))).toEqual([codes.other]);
    expect(await search(() => page.fill('input[name="q"]', 'Trần Văn Bình'))).toEqual([]);
    expect(await page.locator('[data-testid="no-dossiers"]').textContent()).toBe('Không có hồ sơ nào phù hợp.');
    await search(() => page.fill('input[name="q"]', codes.sought));
    const row = page.locator(`tr[data-dossier-code="${codes.sought}"] td`);
    expect(await row.allTextContents()).toEqual([
      codes.sought,
      'Nguyễn Thị Hồng Nhung012345678901',
      expect.stringContaining('1.001806'),
      '01/03/2027 08:00',
      '15/03/2027 08:00Quá hạn',
      'Đang xử lý',
      'Phân công chuyên viên thụ lý · Phòng Bảo trợ xã hội và Trẻ em',
    ]);
  });

  it('given the dossier page, then forms 01 to 07 print from it any time, each in its own tab', async () => {
    // given
    await desk.open('motcua.syt', `#/dossier/${codes.sought}`);
    await page.waitForSelector('[data-testid="documents"]');

    // when / then
    const titles: Record<string, RegExp> = {
      '01': /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/,
      '02': /BỔ SUNG, HOÀN THIỆN HỒ SƠ/,
      '03': /TỪ CHỐI/,
      '04': /XIN LỖI/,
      '05': /DỪNG/,
      '06': /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/,
      '07': /SỔ THEO DÕI HỒ SƠ/,
    };
    for (const [form, title] of Object.entries(titles)) {
      const link = page.locator(`[data-testid="documents"] a[data-form="${form}"]`);
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^/#/print/[^/]+/${form}`));
      const [tab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
      await tab.waitForSelector('h1');
      expect({ form, title: await tab.locator('h1').textContent() }).toEqual({ form, title: expect.stringMatching(title) });
      if (form === '01') expect(await tab.locator('body').textContent()).toContain('Danh sách lao động là người khuyết tật của cơ sở');
      if (form === '07') expect(await tab.locator('body').textContent()).toContain(codes.sought);
      await tab.close();
    }
  });

  it('given a copied link to a form and no login, then the login comes first and then the document — never a raw 401', async () => {
    // given: logged out
    await desk.open('motcua.syt', '#/inbox/mine');
    await page.click('[data-action="logout"]');
    desk.forget('motcua.syt');

    // when: the app's print address, then the API's own address
    for (const address of [`/#/print/${codes.sought}/06`, `/api/documents/${codes.sought}/06`]) {
      await page.goto(`${engine.baseUrl}${address}`);
      await page.waitForSelector('.od-login-form');
      expect(await page.locator('body').textContent()).not.toContain('"statusCode"');
      await page.fill('.od-login-form input[name="username"]', 'motcua.syt');
      await page.fill('.od-login-form input[name="password"]', 'demo');
      await page.click('.od-login-form button[type="submit"]');

      // then
      await page.waitForSelector('h1');
      await page.waitForFunction(() => /PHIẾU KIỂM SOÁT/.test(document.querySelector('h1')?.textContent ?? ''));
      await page.evaluate(() => localStorage.clear());
    }
  });

  it('given the dossier will be late, when the leader records an apology with a new date, then the appointment moves and form 04 carries the reason', async () => {
    // given
    await desk.open('truongphong.btxh', `#/dossier/${codes.sought}`);

    // when
    await page.click('.od-dossier-actions [data-action="apology"]');
    await page.fill('textarea[name="reason"]', 'Cần xác minh thêm hợp đồng lao động tại cơ sở');
    await page.fill('input[name="newDueDate"]', '2027-03-31');
    await page.click('[data-action="confirm-apology"]');

    // then
    await page.waitForSelector('.od-flash[data-kind="success"]');
    expect(await page.locator('.od-dossier-card [data-field="appointment"]').textContent()).toBe('Thứ Tư, 31/03/2027 lúc 17:00');
    expect(await page.locator('[data-testid="history"]').textContent()).toContain('Lý do: Cần xác minh thêm hợp đồng lao động tại cơ sở');
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), page.click('[data-testid="documents"] a[data-form="04"]')]);
    await tab.waitForSelector('h1');
    expect(await tab.locator('body').textContent()).toContain('Cần xác minh thêm hợp đồng lao động tại cơ sở');
    await tab.close();
  });

  it('given the actions of an open dossier, when the desk refuses one, the leader stops another and the desk records a withdrawal, then each ends with its status and form', async () => {
    const end = async (username: string, code: string, action: 'refuse' | 'stop' | 'withdraw', reason: string) => {
      await desk.open(username, `#/dossier/${code}`);
      await page.click(`.od-dossier-actions [data-action="${action}"]`);
      await page.fill('textarea[name="reason"]', reason);
      await page.click(`[data-action="confirm-${action}"]`);
      await page.waitForSelector('.od-flash[data-kind="success"]');
      await page.waitForSelector('.od-dossier-view');
      return page.locator('.od-dossier-view').getAttribute('data-status');
    };
    // the desk may not stop processing: that is the leader's
    await desk.open('motcua.syt', `#/dossier/${codes.stopped}`);
    // (the actions show once the dossier has loaded: read them then, not at the page's first paint)
    await page.waitForSelector('.od-dossier-actions [data-action]');
    expect(await page.locator('.od-dossier-actions [data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))).toEqual(['apology', 'refuse', 'withdraw']);

    expect(await end('motcua.syt', codes.refused, 'refuse', 'Cơ sở không thuộc đối tượng của thủ tục')).toBe('3');
    expect(await end('truongphong.btxh', codes.stopped, 'stop', 'Cơ sở đã giải thể')).toBe('8');
    expect(await end('motcua.syt', codes.withdrawn, 'withdraw', 'Người nộp xin rút để hoàn thiện hồ sơ')).toBe('7');
    // and: an ended dossier offers no more actions
    expect(await page.locator('.od-dossier-actions').count()).toBe(0);
    expect(await page.locator('[data-testid="history"]').textContent()).toContain('Lý do: Người nộp xin rút để hoàn thiện hồ sơ');
  });

  it('given the tracking book of March, then every dossier received is listed in order and the book prints as form 07', async () => {
    // when
    await desk.open('motcua.syt', '#/book?from=2027-03-01&to=2027-03-31');
    await page.waitForSelector('.od-book-body[data-loaded]');

    // then
    expect(await page.locator('.od-book-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dossierCode))).toEqual([
      codes.sought,
      codes.refused,
      codes.stopped,
      codes.withdrawn,
      codes.other,
    ]);
    expect(await page.locator('a[data-form="07"]').getAttribute('href')).toBe('/#/print/SYT/07?from=2027-03-01&to=2027-03-31');
  });

  it('given every page of the app, then it has the one header — the same links for the same user, names not codes, the favicon — and no ISO timestamp anywhere', async () => {
    // given: an administrator (designer and manager too), then the desk officer
    await desk.open('admin', '#/inbox/mine');
    const seen: { path: string; links: string[]; user: string }[] = [];
    for (const path of ['/', '/#/dossiers', '/#/book', '/modeler/', '/compare/', '/reports/', '/calendar/', '/operations/']) {
      // when
      await page.goto(`${engine.baseUrl}${path}`);
      await page.waitForSelector('[data-testid="app-header"] [data-testid="current-user"]');

      // then
      expect({ path, icon: await page.locator('link[rel="icon"]').getAttribute('href') }).toEqual({ path, icon: '/favicon.svg' });
      seen.push({ path, links: await page.locator('[data-testid="app-header"] .od-app-nav a').allTextContents(), user: (await page.locator('[data-testid="current-user"]').textContent())! });
      if (path === '/modeler/' || path === '/reports/') await screenshot(page, `shell-${path.replace(/\//g, "")}.png`);
      const current = await page.locator('[data-testid="app-header"] .od-app-nav a[aria-current="page"]').getAttribute('href');
      expect({ path, current }).toEqual({ path, current: path === '/#/book' || path === '/#/dossiers' ? path : path.replace(/#.*/, '') });
    }
    for (const page of seen) expect(page.links).toEqual(['Công việc', 'Tra cứu hồ sơ', 'Sổ theo dõi', 'Thiết kế quy trình', 'So sánh phiên bản', 'Báo cáo', 'Lịch làm việc', 'Vận hành', 'Quản trị hệ thống']);
    expect(new Set(seen.map((s) => s.user)).size).toBe(1);

    // and: the desk officer by name and department name, her pages without a raw timestamp
    await desk.open('motcua.syt', `#/dossier/${codes.sought}`);
    await page.waitForSelector('.od-diagram[data-loaded]');
    await page.waitForFunction(() => (document.querySelector('[data-field="department"]')?.textContent ?? '') !== '');
    expect(await page.locator('[data-testid="current-user"]').textContent()).toBe('Nông Thị Lan · Bộ phận Tiếp nhận và Trả kết quả (Sở Y tế)');
    expect(await page.locator('body').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}|SYT_MOTCUA|motcua\.syt/);
    await page.click('[data-action="notifications"]');
    expect(await page.locator('.od-bell-panel').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  });
});
