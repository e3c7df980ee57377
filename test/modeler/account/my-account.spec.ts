import { totpCode, totpStep } from '../../../apps/engine/src/identity/totp.js';
import { browserHarness } from '../../support/browser-harness.js';

/**
 * Issue #25 in the browser: the account page (`/#/account`) — the owner changes her password
 * (the policy answers per field; her other devices are signed out at once, this page goes on),
 * turns on the authenticator app and then signs in with its code; and every page renews its
 * short-lived access token with the refresh token, once, however many calls fail together.
 */
describe('my account', () => {
  const { page, server: engine, signIn, submitSignIn } = browserHarness();

  beforeAll(async () => {
    for (const username of ['nguyen.van.an', 'tran.thi.binh', 'le.van.cuong', 'pham.van.duc']) {
      await engine.organisation.upsertUser({ username, password: 'demo', fullName: `Cán bộ ${username}`, departmentCode: 'SYT_BTXH', roles: ['officer', 'specialist'] });
    }
  });

  const accountLoaded = () => page.waitForSelector('[data-testid="account"][data-loaded]');
  const fieldError = (name: string) => page.locator(`[data-card="password"] [data-error-for="${name}"]`).textContent();
  async function tryPassword(current: string, next: string, again = next): Promise<void> {
    await page.fill('[data-card="password"] input[name="currentPassword"]', current);
    await page.fill('[data-card="password"] input[name="newPassword"]', next);
    await page.fill('[data-card="password"] input[name="confirmPassword"]', again);
    await page.click('[data-action="change-password"]');
  }

  it('given the owner signed in here and on another device, when she changes her password, then the policy speaks per field, the other device is signed out at once and this page goes on', async () => {
    // given: a session on another device, and this browser on the account page
    const other = (await engine.http.post('/api/auth/login').set('User-Agent', 'Other laptop').send({ username: 'nguyen.van.an', password: 'demo' })).body;
    await signIn('nguyen.van.an', { at: '/#/account' });
    await accountLoaded();
    expect(await page.locator('[data-testid="account"] [data-field="department"]').textContent()).toBe('Phòng Bảo trợ xã hội và Trẻ em');
    expect(await page.locator('[data-card="sessions"] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-card="sessions"] tbody tr[data-current]').count()).toBe(1);

    // when: passwords the policy refuses, a wrong current one, two that differ
    await tryPassword('demo', 'matkhau123');
    await page.waitForFunction(() => document.querySelector('[data-error-for="newPassword"]')?.textContent);
    expect(await fieldError('newPassword')).toBe('Đây là một trong những mật khẩu phổ biến nhất, dễ bị đoán ra.');
    await tryPassword('demo', 'ngan-qua');
    await page.waitForFunction(() => /ít nhất/.test(document.querySelector('[data-error-for="newPassword"]')?.textContent ?? ''));
    expect(await fieldError('newPassword')).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    await tryPassword('sai-mat-khau', 'Hoa-ban-no-trang-rung-Tay-Bac');
    await page.waitForFunction(() => document.querySelector('[data-error-for="currentPassword"]')?.textContent);
    expect(await fieldError('currentPassword')).toBe('Mật khẩu hiện tại không đúng.');
    expect(await fieldError('newPassword')).toBe('');
    await tryPassword('demo', 'Hoa-ban-no-trang-rung-Tay-Bac', 'Hoa-ban-no-trang-rung');
    expect(await fieldError('confirmPassword')).toBe('Hai lần nhập mật khẩu mới không khớp nhau.');

    // when: a good one
    await tryPassword('demo', 'Hoa-ban-no-trang-rung-Tay-Bac');
    await page.waitForSelector('.od-flash[data-kind="success"]:not([hidden])');
    expect(await page.locator('.od-flash').textContent()).toContain('Đã đổi mật khẩu. Các thiết bị khác đã bị đăng xuất.');

    // then: the other device is out — its access token and its refresh token
    expect((await engine.http.get('/api/auth/me').set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(401);
    expect((await engine.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(401);
    // and: this page goes on with the new session, the only one left
    await page.goto(`${engine.baseUrl}/#/inbox/mine`);
    await page.goto(`${engine.baseUrl}/#/account`);
    await accountLoaded();
    expect(await page.locator('.od-login-form').count()).toBe(0);
    expect(await page.locator('[data-card="sessions"] tbody tr').count()).toBe(1);
    // and: the old password no longer opens the account, the new one does
    expect((await engine.http.post('/api/auth/login').send({ username: 'nguyen.van.an', password: 'demo' })).status).toBe(401);
    expect((await engine.http.post('/api/auth/login').send({ username: 'nguyen.van.an', password: 'Hoa-ban-no-trang-rung-Tay-Bac' })).status).toBe(200);
  });

  it('given an access token the engine no longer takes, when the page makes several calls at once, then it renews the session once and goes on', async () => {
    // given: signed in, then the access token spoilt (as if its 15 minutes had passed)
    await signIn('tran.thi.binh');
    const refreshBefore = await page.evaluate(() => localStorage.getItem('onedoor.refresh'));
    await page.evaluate(() => localStorage.setItem('onedoor.token', 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.het-han'));
    const renewals: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) renewals.push(request.url());
    });

    // when: a reload, whose inbox and directory ask the engine together
    await page.reload();
    await page.waitForSelector('.od-inbox-body[data-loaded]');

    // then: one renewal, the new pair kept, still signed in
    expect(renewals).toHaveLength(1);
    expect(await page.locator('.od-login-form').count()).toBe(0);
    const stored = await page.evaluate(() => ({ token: localStorage.getItem('onedoor.token'), refresh: localStorage.getItem('onedoor.refresh') }));
    expect(stored.refresh).not.toBe(refreshBefore);
    expect((await engine.http.get('/api/auth/me').set('Authorization', `Bearer ${stored.token}`)).status).toBe(200);
  });

  it('given the owner turns on the authenticator app, then sign-in asks for its code: a wrong one is refused, the right one opens the app', async () => {
    // given: the account page, the authenticator set up and confirmed with a first code
    await signIn('le.van.cuong', { at: '/#/account' });
    await accountLoaded();
    expect(await page.locator('[data-card="authenticator"]').getAttribute('data-enabled')).toBe('false');
    await page.click('[data-action="set-up-authenticator"]');
    const secret = (await page.locator('[data-field="secret"]').getAttribute('data-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator('[data-field="otpauth"]').getAttribute('href')).toMatch(/^otpauth:\/\/totp\/OneDoor%3Ale\.van\.cuong\?secret=/);
    // the QR code is drawn in the page (the secret goes to no outside service)
    await page.waitForFunction(() => { const qr = document.querySelector<HTMLImageElement>('img[data-field="qr"]'); return qr?.complete && qr.naturalWidth > 0; });
    expect(await page.locator('img[data-field="qr"]').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await page.fill('[data-card="authenticator"] input[name="code"]', '000000');
    await page.click('[data-action="confirm-authenticator"]');
    await page.waitForFunction(() => document.querySelector('[data-card="authenticator"] [data-error-for="code"]')?.textContent);
    await page.fill('[data-card="authenticator"] input[name="code"]', totpCode(secret, totpStep(new Date())));
    await page.click('[data-action="confirm-authenticator"]');
    await page.waitForSelector('[data-card="authenticator"][data-enabled="true"]');

    // when: she signs in again
    await submitSignIn('le.van.cuong');

    // then: the code is asked; a wrong one is refused, the right one opens the app
    await page.waitForSelector('[data-step="code"]:not([hidden])');
    expect(await page.locator('[data-step="code"]').innerText()).toContain('Nhập mã 6 chữ số');
    await page.fill('.od-login-form input[name="code"]', '123456');
    await page.click('.od-login-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.od-login-form .od-form-error')?.textContent);
    expect(await page.locator('.od-login-form .od-form-error').textContent()).toBe('Mã xác thực không đúng hoặc đã được dùng.');
    await page.fill('.od-login-form input[name="code"]', totpCode(secret, totpStep(new Date()) + 1));
    await page.click('.od-login-form button[type="submit"]');
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('Cán bộ le.van.cuong');
  });
  it('given the authenticator on, when the owner turns it off with a code, then sign-in asks for the password only', async () => {
    // given: set up and confirmed
    await signIn('pham.van.duc', { at: '/#/account' });
    await accountLoaded();
    await page.click('[data-action="set-up-authenticator"]');
    const secret = (await page.locator('[data-field="secret"]').getAttribute('data-secret'))!;
    await page.fill('[data-card="authenticator"] input[name="code"]', totpCode(secret, totpStep(new Date())));
    await page.click('[data-action="confirm-authenticator"]');
    await page.waitForSelector('[data-card="authenticator"][data-enabled="true"]');

    // when: turned off with the next code
    await page.click('[data-action="turn-off-authenticator"]');
    await page.fill('[data-card="authenticator"] input[name="code"]', totpCode(secret, totpStep(new Date()) + 1));
    await page.click('[data-action="confirm-turn-off"]');
    await page.waitForSelector('[data-card="authenticator"][data-enabled="false"]');

    // then
    expect(await page.locator('[data-card="authenticator"] [data-field="state"]').textContent()).toMatch(/^Đang tắt/);
    await submitSignIn('pham.van.duc');
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await page.locator('[data-step="code"]').count()).toBe(0);
  });
});
