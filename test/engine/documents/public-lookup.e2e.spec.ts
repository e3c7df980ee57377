import { Database } from '../../../apps/engine/src/persistence/database.js';
import { DossierFixtures } from './dossier-fixtures.js';
import { CODES, PRINTED_AT, seedScenarios } from './dossier-scenarios.js';
import { startDocumentsTestApp, type DocumentsTestApp } from './documents-test-app.js';

describe('the public dossier lookup', () => {
  let t: DocumentsTestApp;
  let instanceId: string;
  // Each test looks up from its own address, so only the rate-limit test meets the budget.
  const from = (n: number) => `198.51.100.${n}`;

  beforeAll(async () => {
    t = await startDocumentsTestApp(PRINTED_AT);
    const db = new Database(t.db.dataSource);
    const fixtures = new DossierFixtures(db);
    await fixtures.organisation();
    await seedScenarios(fixtures);
    [{ instance_id: instanceId }] = await db.query<{ instance_id: string }>(`SELECT instance_id FROM dossier WHERE code = $1`, [CODES.processing]);
  });
  afterAll(() => t.close());

  it('given the right code and phone, without logging in, then it answers progress only: nothing personal', async () => {
    const res = await t.http.get(`/api/public/dossiers/${CODES.processing}?phone=${encodeURIComponent('+84 912 345 678')}`).set('X-Forwarded-For', from(1));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: CODES.processing,
      procedureName: expect.stringContaining('Công nhận cơ sở'),
      agencyName: expect.any(String),
      status: 4,
      statusText: 'Đang xử lý',
      receivedAt: '2027-04-01T02:00:00.000Z',
      dueAt: '2027-04-15T10:00:00.000Z',
      currentStep: 'Phê duyệt kết quả',
      resultAvailable: false,
      mayRate: false,
      rating: null,
    });
    for (const secret of ['Hoa Mai', '004123456789', 'hoamai@example.vn', '0912', instanceId, 'Hoàng Văn Đức', 'lanhdao']) expect(res.text).not.toContain(secret);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('given a finished dossier, then there is no current step', async () => {
    const res = await t.http.get(`/api/public/dossiers/${CODES.returned}?phone=0912345678`).set('X-Forwarded-For', from(2));
    expect(res.body).toEqual(expect.objectContaining({ status: 10, statusText: 'Đã trả kết quả', currentStep: null, resultAvailable: false, mayRate: true }));
  });

  it('given a wrong or missing phone, then the answer is the same as for an unknown code', async () => {
    const unknown = await t.http.get('/api/public/dossiers/SYT-000000-0000000?phone=0912345678').set('X-Forwarded-For', from(3));
    const wrong = await t.http.get(`/api/public/dossiers/${CODES.processing}?phone=0987654321`).set('X-Forwarded-For', from(3));
    const missing = await t.http.get(`/api/public/dossiers/${CODES.processing}`).set('X-Forwarded-For', from(3));
    const tooLong = await t.http.get(`/api/public/dossiers/${CODES.processing}?phone=${'9'.repeat(80)}`).set('X-Forwarded-For', from(3));
    expect(unknown.status).toBe(404);
    for (const res of [wrong, missing, tooLong]) {
      expect(res.status).toBe(unknown.status);
      expect(res.text).toBe(unknown.text);
    }
  });

  it('given 30 lookups from one address within 5 minutes, then the 31st is 429 with Retry-After, and other addresses go on', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await t.http.get(`/api/public/dossiers/SYT-000000-00000${String(i).padStart(2, '0')}?phone=0912345678`).set('X-Forwarded-For', from(9));
      expect(res.status).toBe(404);
    }
    const limited = await t.http.get(`/api/public/dossiers/${CODES.processing}?phone=0912345678`).set('X-Forwarded-For', from(9));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(300);
    expect(limited.body).toEqual(expect.objectContaining({ statusCode: 429 }));
    const elsewhere = await t.http.get(`/api/public/dossiers/${CODES.processing}?phone=0912345678`).set('X-Forwarded-For', from(10));
    expect(elsewhere.status).toBe(200);
  });

  it('given the public page, then it is Vietnamese HTML with the lookup form, scripts pinned by hash', async () => {
    const res = await t.http.get('/tra-cuu');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('Tra cứu tình trạng hồ sơ');
    expect(res.text).toMatch(/<input id="code" name="code"/);
    expect(res.text).toMatch(/<input id="phone" name="phone" type="tel"/);
    expect(res.text).toContain("fetch('/api/public/dossiers/'");
    expect(res.headers['content-security-policy']).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
