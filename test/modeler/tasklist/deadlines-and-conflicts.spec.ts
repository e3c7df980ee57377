import { ManualClock } from '../../engine/support/engine-harness.js';
import { browserHarness } from '../../support/browser-harness.js';
import { completeOverHttp, openTab, openTaskAt, receiveDossier, screenshot } from './support/tasklist-page.js';

const HOUR = 3600_000;

/**
 * The head of division's inbox at a fixed moment: one step overdue (red, escalated to the bell),
 * one due within the next working day (amber), one with time left. Engine and browser share
 * the same manual clock. Then the two ways a step leaves the inbox early: sent back with a
 * reason, and completed by someone else while the page was open.
 */
describe('task list: deadlines, return and conflicts', () => {
  // Monday 1 March 2027, 08:00 in Vietnam
  const clock = new ManualClock(new Date('2027-03-01T01:00:00Z'));
  const { page, server: engine, signIn } = browserHarness({ engine: { processes: true, clock }, acceptDialogs: true });
  const dossiers: Record<'late' | 'soon' | 'later', { code: string; processInstanceId: string }> = {} as never;

  beforeAll(async () => {
    // given: at Monday 08:00 one dossier reaches the head of division (due Monday 13:30)…
    dossiers.late = await receiveDossier(engine, 'Hợp tác xã Nà Rị');
    await completeOverHttp(engine, 'motcua.syt', dossiers.late.processInstanceId, 'buoc-1-tiep-nhan');
    // …and another goes straight on to the specialist (7.5 working days)
    dossiers.later = await receiveDossier(engine, 'Công ty CP Non Nước');
    await completeOverHttp(engine, 'motcua.syt', dossiers.later.processInstanceId, 'buoc-1-tiep-nhan');
    await completeOverHttp(engine, 'truongphong.btxh', dossiers.later.processInstanceId, 'buoc-2-phan-cong');
    // when: a day passes; a third dossier arrives on Tuesday 08:00 (its step is due Tuesday 13:30)
    clock.advance(24 * HOUR);
    dossiers.soon = await receiveDossier(engine, 'Cơ sở may Bảo Lạc');
    await completeOverHttp(engine, 'motcua.syt', dossiers.soon.processInstanceId, 'buoc-1-tiep-nhan');
    // and: the deadline job escalates the late step to the division's leader
    while ((await engine.engine.jobs.pollOnce()) > 0);
  }, 120_000);

  beforeEach(async () => {
    // the browser's "now" is the engine's, so "due within a working day" is judged at the same moment
    await page.clock.setFixedTime(clock.now());
  });

  it('given a late, a due-soon and a later step, when the head of division opens the department list, then they are sorted by due time and coloured red, amber and plain', async () => {
    // when
    await signIn('truongphong.btxh');
    await openTab(page, 'candidate');

    // then
    const rows = page.locator('.od-task-table tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => `${(tr as HTMLElement).dataset.dossierCode}:${(tr as HTMLElement).dataset.dueState}`))).toEqual([
      `${dossiers.late.code}:overdue`,
      `${dossiers.soon.code}:soon`,
      `${dossiers.later.code}:ok`,
    ]);
    const late = page.locator(`tr[data-dossier-code="${dossiers.late.code}"]`);
    expect(await late.evaluate((tr) => getComputedStyle(tr).backgroundColor)).toBe('rgb(253, 236, 234)');
    expect(await late.locator('.od-due-cell').evaluate((td) => getComputedStyle(td).color)).toBe('rgb(198, 40, 40)');
    expect(await late.locator('.od-due-cell').textContent()).toBe('01/03/2027 13:30Quá hạn');
    const soon = page.locator(`tr[data-dossier-code="${dossiers.soon.code}"]`);
    expect(await soon.evaluate((tr) => getComputedStyle(tr).backgroundColor)).toBe('rgb(255, 246, 224)');
    expect(await soon.locator('.od-badge').textContent()).toBe('Sắp đến hạn');
    expect(await page.locator('tr[data-due-state="ok"] .od-badge').count()).toBe(0);

    // and: the overdue tab holds only the late one, the tab counts agree
    expect(await page.locator('.od-count-overdue').textContent()).toBe('1');
    await openTab(page, 'overdue');
    expect(await page.locator('.od-task-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.dossierCode))).toEqual([dossiers.late.code]);

    // and: the bell carries the escalation
    await page.waitForSelector('.od-bell-count:not([hidden])');
    expect(await page.locator('.od-bell-count').textContent()).toBe('1');
    await openTab(page, 'candidate');
    await screenshot(page, 'tasklist.png');
    await page.click('[data-action="notifications"]');
    const notification = page.locator('.od-bell-panel li[data-kind="task-overdue"]');
    expect(await notification.textContent()).toContain(`Bước "Phân công chuyên viên thụ lý" của hồ sơ ${dossiers.late.code} đã quá hạn xử lý`);
    await notification.locator('a').click();
    await page.waitForSelector(`.od-task-view .od-due-text[data-due-state="overdue"]`);
  });

  it('given the late step is open, when the head returns it with a reason, then the desk officer gets reception back with the reason kept', async () => {
    // given
    await signIn('truongphong.btxh');
    await openTab(page, 'candidate');
    await page.click(`tr[data-dossier-code="${dossiers.late.code}"] a.od-task-link`);
    await page.waitForSelector('.od-task-view[data-element-id="buoc-2-phan-cong"]');

    // when
    expect(await page.locator('[data-action="return"]').textContent()).toBe('Chuyển trả về “Tiếp nhận hồ sơ, cấp Giấy tiếp nhận và hẹn trả kết quả”');
    await page.click('[data-action="return"]');
    await page.click('[data-action="confirm-return"]');
    // (the browser refuses the empty reason itself: nothing is sent)
    expect(await page.locator('textarea[name="reason"]:invalid').count()).toBe(1);
    expect(await page.locator('.od-flash').isHidden()).toBe(true);
    await page.fill('textarea[name="reason"]', 'Thiếu bản sao hợp đồng lao động của người khuyết tật');
    await page.click('[data-action="confirm-return"]');

    // then: back in the list, the step gone from it
    await page.waitForSelector('.od-flash[data-kind="success"]');
    expect(await page.locator('.od-flash').textContent()).toContain('Đã chuyển trả hồ sơ về bước trước.');
    // (the button named the step it goes back to)
    await page.waitForSelector('.od-inbox-body[data-loaded]');
    expect(await page.locator(`tr[data-dossier-code="${dossiers.late.code}"]`).count()).toBe(0);
    const reception = await openTaskAt(engine, 'motcua.syt', dossiers.late.processInstanceId, 'buoc-1-tiep-nhan');
    expect(reception.assignee).toBe('motcua.syt');
    const instance = await engine.http.get(`/api/process-instances/${dossiers.late.processInstanceId}`).set('Authorization', await engine.login('admin'));
    expect(instance.body.variables.returnReason).toBe('Thiếu bản sao hợp đồng lao động của người khuyết tật');
  });

  it('given the step is open in the browser, when someone else completes it first, then completing shows who-won in Vietnamese and the refreshed list', async () => {
    // given
    await signIn('truongphong.btxh');
    await openTab(page, 'candidate');
    await page.click(`tr[data-dossier-code="${dossiers.soon.code}"] a.od-task-link`);
    await page.waitForSelector('.od-task-view[data-element-id="buoc-2-phan-cong"] .od-step-form');

    // when: completed over HTTP meanwhile, then from the page
    await completeOverHttp(engine, 'truongphong.btxh', dossiers.soon.processInstanceId, 'buoc-2-phan-cong');
    await page.click('[data-action="confirm-complete"]');

    // then
    await page.waitForSelector('.od-flash[data-kind="error"]');
    expect(await page.locator('.od-flash').textContent()).toContain('Việc này vừa được người khác hoàn thành. Danh sách đã được làm mới.');
    await page.waitForSelector('.od-inbox-body[data-loaded][data-filter="candidate"]');
    expect(await page.locator(`tr[data-dossier-code="${dossiers.soon.code}"] td`).first().textContent()).toBe('Thẩm định hồ sơ, dự thảo Quyết định, trình Lãnh đạo Sở');
  });
});
