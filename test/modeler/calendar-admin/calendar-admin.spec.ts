import { screenshot } from '../tasklist/support/tasklist-page.js';
import { browserHarness } from '../../support/browser-harness.js';

/**
 * Issue #4 in the browser: the year's calendar as the engine counts it; an administrator adds
 * the yearly announced changes, everyone else reads.
 */
describe('calendar admin page', () => {
  const { page, server: engine, signIn } = browserHarness({ acceptDialogs: true });

  it('given the admin on 2027, when she adds a make-up Saturday, then it shows on the grid and in the list, counts as working time, and can be removed', async () => {
    // given
    await signIn('admin', { at: '/calendar/?year=2027' });
    await page.waitForSelector('.od-cal-year[data-year="2027"]');
    expect(await page.locator('h1').textContent()).toBe('Lịch làm việc năm 2027');
    expect(await page.locator('.od-cal-month').count()).toBe(12);
    expect(await page.locator('[data-testid="legend"]').textContent()).toContain('Ngày làm việc bù');
    const tet = page.locator('.od-cal-day[data-date="2027-02-06"]');
    expect(await tet.getAttribute('data-kind')).toBe('holiday');
    expect(await tet.getAttribute('title')).toBe('Tết Nguyên Đán (mùng 1) (theo luật)');
    expect(await page.locator('.od-cal-day[data-date="2027-02-20"]').getAttribute('data-kind')).toBe('weekend');

    // when: a day picked on the grid, named, added
    await page.click('.od-cal-day[data-date="2027-02-20"]');
    expect(await page.inputValue('input[name="date"]')).toBe('2027-02-20');
    await page.selectOption('select[name="kind"]', 'working_day');
    await page.fill('input[name="name"]', 'Làm bù ngày nghỉ 10/02/2027');
    await page.click('[data-action="add-override"]');

    // then
    await page.waitForSelector('.od-cal-day[data-date="2027-02-20"][data-kind="working_day"].od-cal-override');
    expect(await page.locator('.od-cal-flash').textContent()).toBe('Đã thêm 20/02/2027: Làm bù ngày nghỉ 10/02/2027.');
    const listed = page.locator('.od-cal-list tr[data-date="2027-02-20"]');
    expect(await listed.locator('td').allTextContents()).toEqual(['20/02/2027', 'Thứ Bảy', 'Ngày làm việc bù', 'Làm bù ngày nghỉ 10/02/2027', 'điều chỉnh', 'Xóa']);
    const year = await engine.http.get('/api/calendar?year=2027').set('Authorization', await engine.login('motcua.syt'));
    expect(year.body.days).toContainEqual({ date: '2027-02-20', kind: 'working_day', name: 'Làm bù ngày nghỉ 10/02/2027', source: 'override' });
    await screenshot(page, 'calendar.png');

    // and: the calculator counts the Saturday (Friday 16:00 + 0.5 day → Saturday 10:30)
    await page.fill('input[name="from"]', '2027-02-19T16:00');
    await page.fill('input[name="days"]', '0,5');
    await page.click('[data-action="calculate"]');
    await page.waitForSelector('[data-testid="add-result"][data-due-at]');
    expect(await page.locator('[data-testid="add-result"]').textContent()).toBe('Đến hạn: Thứ Bảy, 20/02/2027 lúc 10:30');

    // when: removed again
    await listed.locator('[data-action="remove-override"]').click();

    // then
    await page.waitForSelector('.od-cal-day[data-date="2027-02-20"][data-kind="weekend"]');
    expect(await page.locator('.od-cal-list tr[data-date="2027-02-20"]').count()).toBe(0);
    expect(await page.locator('.od-cal-flash').textContent()).toBe('Đã xóa 20/02/2027.');
  });

  it('given an officer, when she opens the calendar, then she reads it without any way to change it', async () => {
    // when
    await signIn('motcua.syt', { at: '/calendar/?year=2027' });
    await page.waitForSelector('.od-cal-year[data-year="2027"]');

    // then
    expect(await page.locator('[data-testid="read-only-note"]').textContent()).toBe('Chỉ quản trị hệ thống mới được điều chỉnh lịch.');
    expect(await page.locator('form[data-form="override"], [data-action="remove-override"], button.od-cal-day').count()).toBe(0);
    expect(await page.locator('.od-cal-list tr[data-date="2027-09-03"] td').nth(3).textContent()).toBe('Quốc khánh (ngày liền kề 3/9)');
    expect(await page.locator('a[data-nav="/calendar/"]').getAttribute('aria-current')).toBe('page');
  });
});
