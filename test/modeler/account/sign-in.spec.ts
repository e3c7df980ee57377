import { browserHarness } from '../../support/browser-harness.js';
import { startEngineWithSingleSignOn } from '../../support/identity-provider.js';

/**
 * Issue #25 at the sign-in page: a device that keeps failing is held back with its wait shown
 * and counted down, then gets in with the right password; and an officer signs in with the
 * agency's account — the page offers it because the engine says so, the browser goes through a
 * real OpenID Connect provider (started here) and back, and the app takes the one-time ticket.
 */
describe('the sign-in page', () => {
  const { page, server: sso, browser } = browserHarness({
    serve: () =>
      startEngineWithSingleSignOn({
        label: 'Đăng nhập bằng tài khoản Sở Y tế',
        people: {
          'nguyen.thi.hoa': { preferred_username: 'nguyen.thi.hoa', name: 'Nguyễn Thị Hoa', department: 'SYT_BTXH', roles: ['officer', 'specialist'] },
          'la.ca': { preferred_username: 'la.ca', name: 'Lạ Cà', department: 'PHONG_KHONG_CO' },
        },
      }),
  });
  const baseUrl = () => sso.baseUrl;

  beforeEach(async () => {
    // Each test signs in at the provider afresh: its session cookie from an earlier test goes.
    await browser.context.clearCookies();
  });

  /** Through the provider's own sign-in and consent pages, back to OneDoor. */
  async function signInAtProvider(login: string): Promise<void> {
    await page.click('[data-action="single-sign-on"]');
    await page.waitForURL((url) => url.origin === sso.idp.issuer);
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'mat-khau-o-nha-cung-cap');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    // the provider asks to consent the first time (its page's one button), then sends the browser back
    await page.waitForFunction((issuer) => location.origin !== issuer || document.querySelector('input[name="prompt"][value="consent"]'), sso.idp.issuer);
    if (new URL(page.url()).origin === sso.idp.issuer) await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === baseUrl());
  }

  /** The sign-in page at `hash`, with nobody signed in (an earlier test's session is ended). */
  async function signInPage(hash = ''): Promise<void> {
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector('.od-login-form, [data-testid="current-user"]');
    if (await page.locator('[data-action="logout"]').count()) await page.click('[data-action="logout"]');
    await page.goto(`${baseUrl()}/${hash}`);
    await page.waitForSelector('.od-login-form');
  }

  it('given a device failing again and again, then it is held back with the wait counted down, and afterwards the right password gets in', async () => {
    // given
    await signInPage();
    await page.fill('.od-login-form input[name="username"]', 'vanthu.syt');

    // when: wrong passwords until the engine holds this device back
    for (let attempt = 0; attempt < 8 && !(await page.locator('.od-login-form[data-hold-back]').count()); attempt++) {
      await page.fill('.od-login-form input[name="password"]', `sai-lan-${attempt}`);
      await page.click('.od-login-form button[type="submit"]:not([disabled])');
      await page.waitForFunction(() => /Sai tên đăng nhập|thử lại sau/.test(document.querySelector('.od-login-form .od-form-error')?.textContent ?? ''));
      await page.waitForFunction(() => document.querySelector('.od-login-form[data-hold-back]') || !document.querySelector<HTMLButtonElement>('.od-login-form button[type="submit"]')?.disabled);
    }

    // then: the wait is shown and counted down, the button off meanwhile
    expect(await page.locator('.od-login-form[data-hold-back]').count()).toBe(1);
    expect(await page.locator('.od-login-form .od-form-error').textContent()).toMatch(/^Đăng nhập sai nhiều lần từ thiết bị này\. Vui lòng thử lại sau \d+ giây\.$/);
    expect(await page.locator('.od-login-form button[type="submit"]').isDisabled()).toBe(true);
    // and: once the wait is over, the right password gets in
    await page.waitForSelector('.od-login-form:not([data-hold-back]) button[type="submit"]:not([disabled])', { timeout: 20_000 });
    await page.fill('.od-login-form input[name="password"]', 'demo');
    await page.click('.od-login-form button[type="submit"]');
    await page.waitForSelector('[data-testid="current-user"]');
  });

  it('given single sign-on configured, when an officer signs in with the agency account, then she comes back signed in with the department and roles of the directory', async () => {
    // given: the sign-in page offers the agency's account, with its label
    await signInPage('#/dossiers');
    await page.waitForSelector('[data-action="single-sign-on"]');
    expect(await page.locator('[data-action="single-sign-on"]').textContent()).toBe('Đăng nhập bằng tài khoản Sở Y tế');

    // when
    await signInAtProvider('nguyen.thi.hoa');

    // then: back at the view she left, signed in; the ticket gone from the address bar
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('Nguyễn Thị Hoa');
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/dossiers');
    const session = await page.evaluate(() => ({ user: JSON.parse(localStorage.getItem('onedoor.user')!), refresh: localStorage.getItem('onedoor.refresh') }));
    expect(session.user).toEqual(expect.objectContaining({ username: 'nguyen.thi.hoa', departmentCode: 'SYT_BTXH', roles: ['officer', 'specialist'] }));
    expect(session.refresh).toBeTruthy();
    // and: the account page knows she has no password here
    await page.goto(`${baseUrl()}/#/account`);
    await page.waitForSelector('[data-testid="account"][data-loaded]');
    expect(await page.locator('[data-card="password"]').innerText()).toContain('Bạn đăng nhập bằng tài khoản cơ quan');
  });

  it('given single sign-on started from another page of the app (the working calendar), then the officer lands back on that page, signed in', async () => {
    // given
    await signInPage();
    await page.goto(`${baseUrl()}/calendar/`);
    await page.waitForSelector('[data-action="single-sign-on"]');

    // when
    await signInAtProvider('nguyen.thi.hoa');

    // then
    await page.waitForURL((url) => url.pathname === '/calendar/');
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('Nguyễn Thị Hoa');
    expect(new URL(page.url()).search).toBe('');
  });

  it('given the directory names a department OneDoor does not know, then the sign-in page says why and nobody is signed in', async () => {
    await signInPage();
    await page.waitForSelector('[data-action="single-sign-on"]');

    await signInAtProvider('la.ca');

    await page.waitForSelector('.od-login-card [role="alert"]');
    expect(await page.locator('.od-login-card [role="alert"]').first().textContent()).toMatch(/^Đăng nhập bằng tài khoản cơ quan không thành công: .*PHONG_KHONG_CO/);
    expect(await page.evaluate(() => localStorage.getItem('onedoor.token'))).toBeNull();
  });
});
