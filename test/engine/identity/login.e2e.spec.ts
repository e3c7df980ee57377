import { totpCode, totpStep } from '../../../apps/engine/src/identity/totp.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const ATTACKER = '203.0.113.9';
const OWNER = '198.51.100.7';

/** Polls until `check` passes; fails after `ms`. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < ms) {
    if (await check()) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('signing in', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, from = OWNER) => t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  it('given the right password, then an access token, a refresh token and the user’s department and roles come back', async () => {
    const res = await login('truongphong.btxh', 'demo');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, user: expect.objectContaining({ username: 'truongphong.btxh', departmentCode: 'SYT_BTXH', roles: expect.arrayContaining(['leader', 'head']) }) });
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.username).toBe('truongphong.btxh');
  });

  it('given a wrong password or unknown user, then the same 401 without saying which', async () => {
    const wrong = await login('vanthu.syt', 'sai');
    const unknown = await login('khong-co', 'sai');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('given a stranger failing on an account again and again, then the stranger is held back longer and longer — and the owner still signs in at once', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('lanhdao.syt', `doan-${i}`, ATTACKER)).status);
    // Three free failures, a fourth, then the stranger must wait (even with the right password).
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(429);
    const held = await login('lanhdao.syt', 'demo', ATTACKER);
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await login('lanhdao.syt', 'demo', OWNER);
    expect(owner.status).toBe(200);
  });

  it('given failures, then each refusal and hold-back is in the audit log with the address', async () => {
    const rows = await t.engine.db.query<{ operation: string; details: { address: string } }>(
      `SELECT operation, details FROM user_operation WHERE entity_id = 'lanhdao.syt' ORDER BY seq`,
    );
    const operations = rows.map((r) => r.operation);
    expect(operations.filter((o) => o === 'login-failed')).toHaveLength(4);
    expect(operations).toContain('login-throttled');
    expect(operations.at(-1)).toBe('login');
    expect(rows.find((r) => r.operation === 'login-throttled')!.details.address).toBe(ATTACKER);
  });

  it('given a forged token, or a sign-in step token used as an access token, then 401', async () => {
    const res = await login('admin', 'demo');
    const [head, body] = res.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], username: 'mallory' })).toString('base64url')}.${res.body.accessToken.split('.')[2]}`;
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('stores passwords as salted scrypt hashes, never as given', async () => {
    const rows = await t.engine.db.query<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE username IN ('admin', 'vanthu.syt')`);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
  });
});

describe('sign-in counters and sessions across nodes', () => {
  let first: TestEngine;
  let second: TestEngine;
  beforeAll(async () => {
    first = await startTestEngine();
    second = await startTestEngine({ sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('given failures on one node, then the other node holds the client back too, and so does a node started later', async () => {
    const attempt = (node: TestEngine, password: string) => node.http.post('/api/auth/login').set('X-Forwarded-For', ATTACKER).send({ username: 'vanthu.syt', password });
    // Six failures, waiting out the hold-backs between them (1 s after the 4th, 2 s after the 5th): the 6th holds back 4 s.
    for (let i = 0; i < 4; i++) expect((await attempt(first, `sai-${i}`)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await attempt(first, 'sai-4')).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await attempt(first, 'sai-5')).status).toBe(401);
    expect((await attempt(second, 'demo')).status).toBe(429);
    const restarted = await startTestEngine({ sameDatabaseAs: first });
    try {
      expect((await attempt(restarted, 'demo')).status).toBe(429);
    } finally {
      await restarted.close();
    }
  });

  it('given a refresh token, then it works once: the new pair works, the spent one ends the whole session', async () => {
    const signedIn = (await first.http.post('/api/auth/login').send({ username: 'chuyenvien.btxh', password: 'demo' })).body;
    const renewed = await second.http.post('/api/auth/refresh').send({ refreshToken: signedIn.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.accessToken).not.toBe(signedIn.accessToken);
    expect((await first.http.get('/api/auth/me').set('Authorization', `Bearer ${renewed.body.accessToken}`)).status).toBe(200);
    // Someone replays the spent token: the session ends for everyone holding it.
    expect((await first.http.post('/api/auth/refresh').send({ refreshToken: signedIn.refreshToken })).status).toBe(401);
    expect((await first.http.post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken })).status).toBe(401);
    const [reuse] = await first.engine.db.query(`SELECT operation FROM user_operation WHERE operation = 'refresh-token-reused' AND username = 'chuyenvien.btxh'`);
    expect(reuse).toBeDefined();
  });

  it('given a logout on one node, then the refresh token is refused at once and the access token on the other node within moments', async () => {
    const session = (await first.http.post('/api/auth/login').send({ username: 'motcua.syt', password: 'demo' })).body;
    expect((await second.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(200);
    expect((await first.http.post('/api/auth/logout').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(204);
    expect((await second.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    const took = await within(3_000, async () => (await second.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status === 401);
    expect(took).toBeLessThan(1_500);
  });

  it('given an administrator disables a user on one node, then the other node refuses the user’s tokens at once, and sign-in and refresh are refused', async () => {
    const admin = await first.login('admin');
    const session = (await second.http.post('/api/auth/login').send({ username: 'chuyenvien.kgvx', password: 'demo' })).body;
    expect((await second.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(200);
    const disabled = await first.http.patch('/api/users/chuyenvien.kgvx').set('Authorization', admin).send({ active: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    const took = await within(3_000, async () => (await second.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status === 401);
    expect(took).toBeLessThan(1_500);
    expect((await second.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    expect((await second.http.post('/api/auth/login').send({ username: 'chuyenvien.kgvx', password: 'demo' })).status).toBe(401);
    const [audit] = await first.engine.db.query<{ username: string; from_state: { active: boolean } }>(`SELECT username, from_state FROM user_operation WHERE operation = 'user-disabled' AND entity_id = 'chuyenvien.kgvx'`);
    expect(audit).toMatchObject({ username: 'admin', from_state: { active: true } });
  });
});

describe('accounts', () => {
  let t: TestEngine;
  let admin: string;
  beforeAll(async () => {
    t = await startTestEngine();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it.each([
    ['too short', 'ngan-qua'],
    ['one of the passwords people use most', 'password123'],
    ['a Vietnamese office favourite', 'matkhau@123'],
    ['the username inside', 'vanthu.syt-2027-x'],
    ['one character over and over', 'aaaaaaaaaaaa'],
  ])('given a new password that is %s, then it is refused with the field named', async (_, password) => {
    const res = await t.http.post('/api/users/vanthu.syt/password').set('Authorization', admin).send({ newPassword: password });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
  });

  it('given an administrator resets a password, then the new one signs in, the old one does not, and the old sessions end', async () => {
    const old = await t.login('vanthu.syt');
    expect((await t.http.post('/api/users/vanthu.syt/password').set('Authorization', admin).send({ newPassword: 'Hoa-sen-no-tren-ho' })).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set('Authorization', old)).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'vanthu.syt', password: 'demo' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'vanthu.syt', password: 'Hoa-sen-no-tren-ho' })).status).toBe(200);
  });

  it('given an administrator moves a user to another department with other roles, then the user’s tokens end and the next sign-in carries the new ones', async () => {
    const before = await t.login('chuyenvien.qlcl');
    const moved = await t.http.patch('/api/users/chuyenvien.qlcl').set('Authorization', admin).send({ departmentCode: 'SNNMT_CNTY', roles: ['officer', 'head'], fullName: 'Chuyên viên chuyển phòng' });
    expect(moved.body).toMatchObject({ departmentCode: 'SNNMT_CNTY', roles: ['officer', 'head'], fullName: 'Chuyên viên chuyển phòng' });
    expect((await t.http.get('/api/auth/me').set('Authorization', before)).status).toBe(401);
    const after = await t.http.post('/api/auth/login').send({ username: 'chuyenvien.qlcl', password: 'demo' });
    expect(after.body.user).toMatchObject({ departmentCode: 'SNNMT_CNTY', roles: ['officer', 'head'] });
    expect((await t.http.patch('/api/users/chuyenvien.qlcl').set('Authorization', admin).send({ departmentCode: 'KHONG_CO' })).status).toBe(400);
  });

  it('given a department renamed or moved, then the change is kept and audited; a cycle is refused', async () => {
    const renamed = await t.http.patch('/api/departments/SYT_VANTHU').set('Authorization', admin).send({ name: 'Văn thư – Lưu trữ Sở Y tế' });
    expect(renamed.body).toEqual({ code: 'SYT_VANTHU', name: 'Văn thư – Lưu trữ Sở Y tế', parentCode: 'SYT' });
    expect((await t.http.patch('/api/departments/SYT').set('Authorization', admin).send({ parentCode: 'SYT_VANTHU' })).status).toBe(400);
    const [audit] = await t.engine.db.query(`SELECT from_state, details FROM user_operation WHERE operation = 'department-changed' AND entity_id = 'SYT_VANTHU'`);
    expect(audit).toMatchObject({ from_state: { name: 'Văn thư Sở Y tế' }, details: { name: 'Văn thư – Lưu trữ Sở Y tế' } });
  });

  it('given a user signed in on two browsers, then the account lists both sessions, and ending the others keeps this browser signed in on a new session', async () => {
    await t.organisation.upsertUser({ username: 'hai.trinh.duyet', password: 'demo', fullName: 'Hai Trình Duyệt', departmentCode: 'SYT_BTXH', roles: ['officer'] });
    const laptop = (await t.http.post('/api/auth/login').set('User-Agent', 'Laptop at home').send({ username: 'hai.trinh.duyet', password: 'demo' })).body;
    const office = (await t.http.post('/api/auth/login').set('User-Agent', 'Office desktop').send({ username: 'hai.trinh.duyet', password: 'demo' })).body;

    const account = await t.http.get('/api/auth/account').set('Authorization', `Bearer ${office.accessToken}`);
    expect(account.status).toBe(200);
    expect(account.body).toEqual(expect.objectContaining({ username: 'hai.trinh.duyet', fullName: 'Hai Trình Duyệt', departmentCode: 'SYT_BTXH', external: false, totpEnabled: false }));
    expect(account.body.sessions.map((s: { client: string; current: boolean }) => [s.client, s.current])).toEqual([
      ['Office desktop', true],
      ['Laptop at home', false],
    ]);

    const ended = await t.http.post('/api/auth/sessions/end-others').set('Authorization', `Bearer ${office.accessToken}`).set('User-Agent', 'Office desktop');
    expect(ended.status).toBe(200);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${laptop.accessToken}`)).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken })).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${ended.body.accessToken}`)).status).toBe(200);
    const after = await t.http.get('/api/auth/account').set('Authorization', `Bearer ${ended.body.accessToken}`);
    expect(after.body.sessions.map((s: { client: string; current: boolean }) => [s.client, s.current])).toEqual([['Office desktop', true]]);
    const [audit] = await t.engine.db.query<{ operation: string }>(`SELECT operation FROM user_operation WHERE entity_id = 'hai.trinh.duyet' AND operation = 'other-sessions-ended'`);
    expect(audit).toBeDefined();
  });

  it('given an authenticator set up, then sign-in asks for its code, a right code opens a session and a code works once', async () => {
    await t.organisation.upsertUser({ username: 'thiet.ke.2fa', password: 'demo', fullName: 'Thiết kế', departmentCode: null, roles: ['designer'] });
    const token = await t.login('thiet.ke.2fa');
    const setup = await t.http.post('/api/auth/totp/setup').set('Authorization', token);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/OneDoor%3Athiet.ke.2fa\?secret=[A-Z2-7]+/);
    expect((await t.http.post('/api/auth/totp/enable').set('Authorization', token).send({ code: '000000' })).status).toBe(400);
    const code = totpCode(setup.body.secret, totpStep(new Date()));
    expect((await t.http.post('/api/auth/totp/enable').set('Authorization', token).send({ code })).status).toBe(204);

    const first = await t.http.post('/api/auth/login').send({ username: 'thiet.ke.2fa', password: 'demo' });
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first.body.mfaToken}`)).status).toBe(401);
    expect((await t.http.post('/api/auth/mfa').send({ mfaToken: first.body.mfaToken, code: '123456' })).status).toBe(400);
    const next = totpCode(setup.body.secret, totpStep(new Date()) + 1);
    const second = await t.http.post('/api/auth/mfa').send({ mfaToken: first.body.mfaToken, code: next });
    expect(second.status).toBe(200);
    expect(second.body.user.username).toBe('thiet.ke.2fa');
    expect((await t.http.post('/api/auth/mfa').send({ mfaToken: first.body.mfaToken, code: next })).status).toBe(400);
  });
});
