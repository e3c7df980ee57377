import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

describe('logging in', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.close());

  it('given the right password, then a token and the user’s department and roles come back', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'truongphong.btxh', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(expect.objectContaining({ username: 'truongphong.btxh', departmentCode: 'SYT_BTXH', roles: expect.arrayContaining(['leader', 'head']) }));
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.username).toBe('truongphong.btxh');
  });

  it('given a wrong password or unknown user, then the same 401 without saying which', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'vanthu.syt', password: 'sai' });
    const unknown = await t.http.post('/api/auth/login').send({ username: 'khong-co', password: 'sai' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('given five failed attempts on one account, then the sixth is refused with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ username: 'lanhdao.syt', password: `doan-${i}` }).expect(401);
    const blocked = await t.http.post('/api/auth/login').send({ username: 'lanhdao.syt', password: 'demo' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('given a forged or expired token, then 401', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'admin', password: 'demo' });
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
