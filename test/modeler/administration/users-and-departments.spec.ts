import type { Page } from 'playwright-core';
import { browserHarness } from '../../support/browser-harness.js';

/**
 * Issue #25 in the browser: the administrator's pages. A leaver's access ends the moment the
 * administrator says so — the officer's page, open in another browser, is signed out at its
 * next call; users are created, edited and given new passwords under the password policy;
 * departments are added and renamed.
 */
describe('administration: users and departments', () => {
  const { page: admin, server: engine, signIn, newPage, anotherBrowser } = browserHarness({ acceptDialogs: true });

  const usersLoaded = (page: Page) => page.waitForSelector('.od-admin-users[data-loaded]');
  async function editUser(username: string): Promise<void> {
    await admin.fill('.od-admin-toolbar input[name="q"]', username);
    await admin.click(`tr[data-username="${username}"] [data-action="edit-user"]`);
    await admin.waitForSelector(`dialog.od-user-dialog[data-username="${username}"][open]`);
  }

  it('given an officer’s page open, when the administrator disables her account, then her page is signed out at its next call and she cannot sign in', async () => {
    // given: the officer at work in her own browser
    const officer = await newPage(await anotherBrowser());
    await signIn('chuyenvien.btxh', { on: officer });
    await officer.waitForSelector('.od-inbox-body[data-loaded]');
    // (the administration is not hers)
    expect(await officer.locator('.od-app-nav a').allTextContents()).not.toContain('Quản trị hệ thống');

    // when: the administrator finds her and disables the account
    await signIn('admin', { at: '/#/admin/users' });
    await usersLoaded(admin);
    expect(await admin.locator('.od-app-nav a[aria-current="page"]').textContent()).toBe('Quản trị hệ thống');
    await editUser('chuyenvien.btxh');
    await admin.click('[data-action="disable-user"]');
    await admin.waitForSelector('tr[data-username="chuyenvien.btxh"][data-active="false"]');
    expect(await admin.locator('.od-flash').textContent()).toContain('Đã khóa');

    // then: her next call signs her page out, with the reason
    await officer.click('.od-tab[data-tab="candidate"]');
    await officer.waitForSelector('.od-login-form');
    expect(await officer.locator('.od-login-card [role="alert"]').first().textContent()).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    expect(await officer.evaluate(() => [localStorage.getItem('onedoor.token'), localStorage.getItem('onedoor.refresh')])).toEqual([null, null]);
    // and: she cannot sign in again
    await officer.fill('.od-login-form input[name="username"]', 'chuyenvien.btxh');
    await officer.fill('.od-login-form input[name="password"]', 'demo');
    await officer.click('.od-login-form button[type="submit"]');
    await officer.waitForFunction(() => document.querySelector('.od-login-form .od-form-error')?.textContent);
    expect(await officer.locator('.od-login-form .od-form-error').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu.');

    // when: the administrator enables her again, she signs in
    await editUser('chuyenvien.btxh');
    await admin.click('[data-action="enable-user"]');
    await admin.waitForSelector('tr[data-username="chuyenvien.btxh"][data-active="true"]');
    await signIn('chuyenvien.btxh', { on: officer });
  });

  it('given the administrator adds a user, then the password policy answers under the field; edited and given a new password, the user signs in with it', async () => {
    // given
    await signIn('admin', { at: '/#/admin/users' });
    await usersLoaded(admin);

    // when: a new user with a common password, then a good one
    await admin.click('[data-action="create-user"]');
    await admin.waitForSelector('dialog.od-user-dialog[open]');
    await admin.fill('dialog input[name="username"]', 'pham.thu.ha');
    await admin.fill('dialog input[name="fullName"]', 'Phạm Thu Hà');
    await admin.selectOption('dialog select[name="departmentCode"]', 'SYT_BTXH');
    await admin.check('dialog input[name="roles"][value="officer"]');
    await admin.check('dialog input[name="roles"][value="specialist"]');
    await admin.fill('dialog input[name="password"]', 'matkhau@123');
    await admin.click('[data-action="save-user"]');
    await admin.waitForFunction(() => document.querySelector('dialog [data-error-for="password"]')?.textContent);
    expect(await admin.locator('dialog [data-error-for="password"]').textContent()).toBe('Đây là một trong những mật khẩu phổ biến nhất, dễ bị đoán ra.');
    await admin.fill('dialog input[name="password"]', 'Ngay-dau-di-lam-o-So');
    await admin.click('[data-action="save-user"]');
    await admin.waitForSelector('tr[data-username="pham.thu.ha"]');
    expect(await admin.locator('tr[data-username="pham.thu.ha"]').innerText()).toMatch(/Phạm Thu Hà[\s\S]*Phòng Bảo trợ xã hội và Trẻ em[\s\S]*Cán bộ, công chức, Chuyên viên/);

    // when: renamed, moved, given the head's role and a new password
    await editUser('pham.thu.ha');
    await admin.fill('dialog input[name="fullName"]', 'Phạm Thu Hà (Trưởng phòng)');
    await admin.check('dialog input[name="roles"][value="head"]');
    await admin.click('[data-action="save-user"]');
    await admin.waitForFunction(() => /Trưởng phòng/.test(document.querySelector('tr[data-username="pham.thu.ha"]')?.textContent ?? ''));
    await editUser('pham.thu.ha');
    await admin.click('dialog details summary');
    await admin.fill('dialog input[name="newPassword"]', 'pham.thu.ha-2027');
    await admin.click('[data-action="reset-password"]');
    await admin.waitForFunction(() => document.querySelector('dialog [data-error-for="newPassword"]')?.textContent);
    expect(await admin.locator('dialog [data-error-for="newPassword"]').textContent()).toBe('Mật khẩu không được chứa tên đăng nhập.');
    await admin.fill('dialog input[name="newPassword"]', 'Mua-thu-Ha-Noi-2027');
    await admin.click('[data-action="reset-password"]');
    await admin.waitForSelector('dialog.od-user-dialog', { state: 'detached' });

    // then: the user's account as the administrator left it
    const [row] = await engine.engine.db.query<{ full_name: string; roles: string[] }>(`SELECT full_name, roles FROM app_user WHERE username = 'pham.thu.ha'`);
    expect(row).toEqual({ full_name: 'Phạm Thu Hà (Trưởng phòng)', roles: ['officer', 'specialist', 'head'] });
    expect((await engine.http.post('/api/auth/login').send({ username: 'pham.thu.ha', password: 'Ngay-dau-di-lam-o-So' })).status).toBe(401);
    expect((await engine.http.post('/api/auth/login').send({ username: 'pham.thu.ha', password: 'Mua-thu-Ha-Noi-2027' })).status).toBe(200);
    const audited = await engine.engine.db.query<{ operation: string }>(`SELECT operation FROM user_operation WHERE entity_id = 'pham.thu.ha' AND username = 'admin' ORDER BY at`);
    expect(audited.map((a) => a.operation)).toEqual(['user-created', 'user-changed', 'password-reset']);
  });

  it('given the inbox still loading after signing in, when the administrator opens the administration, then the late inbox does not paint over it', async () => {
    // given: the administrator signed in, her inbox's lists held back by a slow network
    await signIn('admin');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await admin.route('**/api/tasks?**', async (route) => {
      await released;
      await route.continue();
    });
    await admin.reload();
    await admin.waitForSelector('[data-testid="current-user"]');

    // when: she opens the administration before the inbox has answered, and then it answers
    await admin.click('.od-app-nav a[href="/#/admin/users"]');
    await usersLoaded(admin);
    release();
    await admin.waitForLoadState('networkidle');

    // then: the page she asked for stays
    expect(await admin.locator('.od-admin-users[data-loaded]').count()).toBe(1);
    expect(await admin.locator('.od-inbox-body').count()).toBe(0);
    await admin.unroute('**/api/tasks?**');
  });

  it('given the departments page, when the administrator adds a department under an agency and renames it, then the tree shows it under its agency and users can be placed in it', async () => {
    // given
    await signIn('admin', { at: '/#/admin/departments' });
    await admin.waitForSelector('.od-admin-departments[data-loaded]');

    // when
    await admin.fill('[data-form="new-department"] input[name="code"]', 'SYT_VP');
    await admin.fill('[data-form="new-department"] input[name="name"]', 'Văn phòng Sở');
    await admin.selectOption('[data-form="new-department"] select[name="parentCode"]', 'SYT');
    await admin.click('[data-action="create-department"]');
    await admin.waitForSelector('tr[data-department="SYT_VP"]');
    await admin.fill('tr[data-department="SYT_VP"] input[name="name"]', 'Văn phòng Sở Y tế');
    await admin.click('tr[data-department="SYT_VP"] [data-action="save-department"]');
    await admin.waitForFunction(() => document.querySelector('.od-flash:not([hidden])')?.textContent?.includes('Đã lưu Văn phòng Sở Y tế.'));

    // then: under the Department of Health in the tree, and offered for users
    const codes = await admin.locator('tr[data-department]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.department));
    const agency = codes.indexOf('SYT');
    expect(codes.indexOf('SYT_VP')).toBeGreaterThan(agency);
    expect(await engine.engine.db.query(`SELECT name, parent_code FROM department WHERE code = 'SYT_VP'`)).toEqual([{ name: 'Văn phòng Sở Y tế', parent_code: 'SYT' }]);
    await admin.click('.od-tab[data-tab="users"]');
    await usersLoaded(admin);
    expect(await admin.locator('.od-admin-toolbar select[name="department"] option').allTextContents()).toContain('Văn phòng Sở Y tế');
  });
});
