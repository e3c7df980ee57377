import { TokenRevocations } from '../../../apps/engine/src/persistence/identity/token-revocations.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

/**
 * Issue #16, security posture: what any caller can check from outside — headers, CORS, tokens
 * that can be taken back, passwords that never come back out. (Who may call what is the
 * authorisation matrix's job.)
 */
describe('security posture', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.close());

  const until = async (check: () => Promise<boolean>, ms = 6_000) => {
    for (const began = Date.now(); Date.now() - began < ms; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
    throw new Error('not in time');
  };

  it('given any answer, then it carries the security headers; API answers are never cached', async () => {
    for (const path of ['/api/auth/me', '/', '/health']) {
      const res = await t.http.get(path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      });
    }
    expect((await t.http.get('/api/auth/me')).headers['cache-control']).toBe('no-store');
    // A page with its own stricter policy keeps it.
    expect((await t.http.get('/tra-cuu')).headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('given a request from another site, then CORS grants it nothing (closed by default)', async () => {
    const preflight = await t.http.options('/api/tasks').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http.post('/api/auth/login').set('Origin', 'https://evil.example').send({ username: 'admin', password: 'demo' });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('given a signed-out token, then no request with it is accepted any more', async () => {
    const token = await t.login('chuyenvien.btxh');
    expect((await t.http.get('/api/auth/me').set('Authorization', token)).status).toBe(200);
    expect((await t.http.post('/api/auth/logout').set('Authorization', token)).status).toBe(204);
    const after = await t.http.get('/api/auth/me').set('Authorization', token);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/session has ended/);
    // Another session of the same user is untouched.
    expect((await t.http.get('/api/auth/me').set('Authorization', await t.login('chuyenvien.btxh'))).status).toBe(200);
  });

  it('given a password change, then every earlier token of the user stops working and the answer carries a working one', async () => {
    await t.organisation.upsertUser({ username: 'doi.matkhau', password: 'mat-khau-cu-dai', fullName: 'Đổi Mật Khẩu', departmentCode: 'SYT_BTXH', roles: ['officer'] });
    const laptop = await t.login('doi.matkhau', 'mat-khau-cu-dai');
    const phone = await t.login('doi.matkhau', 'mat-khau-cu-dai');
    const wrong = await t.http.post('/api/auth/password').set('Authorization', laptop).send({ currentPassword: 'sai', newPassword: 'mat-khau-moi-dai-hon' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: 'wrong password' }]);
    const short = await t.http.post('/api/auth/password').set('Authorization', laptop).send({ currentPassword: 'mat-khau-cu-dai', newPassword: 'ngan' });
    expect(short.status).toBe(400);
    const changed = await t.http.post('/api/auth/password').set('Authorization', laptop).send({ currentPassword: 'mat-khau-cu-dai', newPassword: 'mat-khau-moi-dai-hon' });
    expect(changed.status).toBe(200);
    expect(JSON.stringify(changed.body)).not.toMatch(/mat-khau/);
    expect((await t.http.get('/api/auth/me').set('Authorization', phone)).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set('Authorization', laptop)).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`)).status).toBe(200);
    expect((await t.http.post('/api/auth/login').send({ username: 'doi.matkhau', password: 'mat-khau-cu-dai' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'doi.matkhau', password: 'mat-khau-moi-dai-hon' })).status).toBe(200);
  });

  it('given an administrator ends a user\'s sessions, then every node refuses their tokens within seconds', async () => {
    const token = await t.login('vanthu.syt');
    // What another engine node knows: its own list, fed only by the shared database.
    const otherNode = new TokenRevocations(t.engine.db, { refreshMs: 200 });
    await otherNode.start();
    try {
      expect(otherNode.isRevoked(claimsOf(token))).toBe(false);
      const admin = await t.login('admin');
      expect((await t.http.post('/api/users/vanthu.syt/end-sessions').set('Authorization', admin)).status).toBe(204);
      expect((await t.http.get('/api/auth/me').set('Authorization', token)).status).toBe(401);
      await until(async () => otherNode.isRevoked(claimsOf(token)));
      expect(otherNode.isRevoked(claimsOf(await t.login('vanthu.syt')))).toBe(false);
      expect((await t.http.post('/api/users/khong.co.ai/end-sessions').set('Authorization', admin)).status).toBe(404);
    } finally {
      await otherNode.stop();
    }
  });

  it('given users created and listed, then no password or hash ever comes back', async () => {
    const admin = await t.login('admin');
    const created = await t.http.post('/api/users').set('Authorization', admin).send({ username: 'moi.den', password: 'mot-mat-khau-bi-mat', fullName: 'Mới Đến', departmentCode: 'SYT_BTXH', roles: ['officer'] });
    expect(created.status).toBe(201);
    const listed = await t.http.get('/api/users').set('Authorization', admin);
    for (const body of [created.body, listed.body]) expect(JSON.stringify(body)).not.toMatch(/mot-mat-khau-bi-mat|password|scrypt|\$/i);
    const login = await t.http.post('/api/auth/login').send({ username: 'moi.den', password: 'x'.repeat(300) });
    expect(JSON.stringify(login.body)).not.toContain('x'.repeat(50));
  });
});

function claimsOf(bearer: string) {
  return JSON.parse(Buffer.from(bearer.split('.')[1], 'base64url').toString());
}
