import { ManualClock } from '../support/engine-harness.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { Journey, pdf } from './dossier-journey.js';

/**
 * Issue #23: the electronic result goes to the applicant only — the right dossier code, the
 * right phone and a one-time code sent to that phone (hashed, expiring, five attempts) — and the
 * applicant rates the service once, after the result is returned.
 */
describe('the electronic result and the rating on the public page', () => {
  const clock = new ManualClock(new Date('2027-06-07T01:00:00Z'));
  let t: TestEngine;
  let j: Journey;
  let code: string;
  const phone = '0912 000 100';
  let address = 0;
  const from = () => `203.0.113.${++address}`;
  const post = (path: string, body: object) => t.http.post(path).set('X-Forwarded-For', from()).send(body);
  const lastSms = async () => {
    const [row] = await t.db.dataSource.query(`SELECT recipient, body FROM applicant_notice WHERE dossier_code = $1 AND event = 'one_time_code' ORDER BY id DESC LIMIT 1`, [code]);
    return { recipient: row.recipient as string, code: /la (\d{6})/.exec(row.body)![1] };
  };

  beforeAll(async () => {
    t = await startTestEngine({ processes: true, clock });
    j = new Journey(t);
    code = await j.receive({ name: 'Phạm Thị Lan', idNumber: '001090000100', phone });
    await j.toReturnStep(code);
  });
  afterAll(() => t.close());

  it('given the receipt (form 01), then it carries a QR code opening the public lookup of this dossier', async () => {
    const receipt = await t.http.get(`/api/documents/${code}/01`).set('Authorization', await j.as('motcua.snnmt'));
    expect(receipt.status).toBe(200);
    expect(receipt.text).toMatch(/<svg class="qr" role="img" aria-label="Mã QR tra cứu hồ sơ"[^>]*viewBox/);
    expect(receipt.text).toContain(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    const page = await t.http.get(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kết quả điện tử');
    expect(page.text).toContain('Đánh giá mức độ hài lòng');
  });

  it('given the result not yet returned, then no code is sent and rating is refused', async () => {
    expect((await post(`/api/public/dossiers/${code}/result-code`, { phone })).status).toBe(409);
    expect((await post(`/api/public/dossiers/${code}/rating`, { phone, rating: 'satisfied' })).status).toBe(409);
  });

  describe('once the result is returned electronically', () => {
    beforeAll(async () => {
      expect((await j.attachResult(code, pdf('chung chi hanh nghe thu y so 001'))).status).toBe(201);
      await j.complete(code, 'motcua.snnmt', { hinhThucTraKetQua: 'truc-tuyen' });
    });

    it('given the public lookup, then it offers the result and the rating', async () => {
      const res = await t.http.get(`/api/public/dossiers/${code}?phone=0912000100`).set('X-Forwarded-For', from());
      expect(res.body).toEqual(expect.objectContaining({ status: 10, resultAvailable: true, mayRate: true, rating: null }));
    });

    it('given a wrong phone or an unknown code, then the answer is the lookup’s 404 and no SMS is queued', async () => {
      const wrongPhone = await post(`/api/public/dossiers/${code}/result-code`, { phone: '0987654321' });
      const unknown = await post(`/api/public/dossiers/SNNMT-000000-0000000/result-code`, { phone });
      expect(wrongPhone.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(wrongPhone.body.message).toBe(unknown.body.message);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM applicant_notice WHERE dossier_code = $1 AND event = 'one_time_code'`, [code]);
      expect(n).toBe(0);
    });

    it('given the right code and phone, then a one-time code goes to that phone, kept only as a hash', async () => {
      const res = await post(`/api/public/dossiers/${code}/result-code`, { phone });
      expect(res.status).toBe(201);
      expect(res.body.sentTo).toBe('*******100');
      const sms = await lastSms();
      expect(sms.recipient).toBe(phone);
      const [stored] = await t.db.dataSource.query(`SELECT code_hash FROM result_access_code WHERE dossier_code = $1 AND used_at IS NULL`, [code]);
      expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.code_hash).not.toContain(sms.code);
      expect(res.text).not.toContain(sms.code);
    });

    it('given a wrong one-time code five times, then each is refused naming the field and the code dies', async () => {
      await post(`/api/public/dossiers/${code}/result-code`, { phone });
      const { code: right } = await lastSms();
      const wrong = right === '000000' ? '111111' : '000000';
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await post(`/api/public/dossiers/${code}/result-code/verify`, { phone, code: wrong }));
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
      expect(answers[0].body.details).toEqual([{ field: 'code', message: 'wrong code; 4 attempt(s) left' }]);
      expect(answers[4].body.message).toMatch(/void/);
      // the right code is no use any more
      const late = await post(`/api/public/dossiers/${code}/result-code/verify`, { phone, code: right });
      expect(late.status).toBe(400);
      expect(late.body.message).toMatch(/ask for a new one-time code/);
    });

    it('given an expired code, then it is refused', async () => {
      clock.advance(60 * 60_000); // a fresh hour: the code budget is 3 an hour
      await post(`/api/public/dossiers/${code}/result-code`, { phone });
      const { code: right } = await lastSms();
      clock.advance(11 * 60_000);
      const res = await post(`/api/public/dossiers/${code}/result-code/verify`, { phone, code: right });
      expect(res.status).toBe(400);
    });

    it('given the right one-time code with the right phone, then the result downloads with a short-lived link, and only with it', async () => {
      clock.advance(60 * 60_000);
      await post(`/api/public/dossiers/${code}/result-code`, { phone });
      const { code: right } = await lastSms();
      const otherPhone = await post(`/api/public/dossiers/${code}/result-code/verify`, { phone: '0987654321', code: right });
      expect(otherPhone.status).toBe(404);
      const res = await post(`/api/public/dossiers/${code}/result-code/verify`, { phone, code: right });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ fileName: 'Chứng chỉ hành nghề.pdf', contentType: 'application/pdf', downloadUrl: expect.stringMatching(/^\/api\/public\/dossiers\/.+\/result\?token=[A-Za-z0-9_-]{43}$/) }));
      const file = await t.http.get(res.body.downloadUrl).set('X-Forwarded-For', from()).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect((file.body as Buffer).toString('latin1')).toContain('chung chi hanh nghe thu y so 001');
      // the code is spent
      expect((await post(`/api/public/dossiers/${code}/result-code/verify`, { phone, code: right })).status).toBe(400);
      // a made-up token, or the link once expired, opens nothing
      expect((await t.http.get(`/api/public/dossiers/${code}/result?token=${'A'.repeat(43)}`).set('X-Forwarded-For', from())).status).toBe(404);
      clock.advance(16 * 60_000);
      expect((await t.http.get(res.body.downloadUrl).set('X-Forwarded-For', from())).status).toBe(404);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM user_operation WHERE operation = 'result-downloaded' AND entity_id = $1`, [code]);
      expect(n).toBe(1);
    });

    it('given the returned result, then the applicant rates the service once; a second rating is 409, a bad value 400', async () => {
      const bad = await post(`/api/public/dossiers/${code}/rating`, { phone, rating: 'excellent' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('rating');
      const wrongPhone = await post(`/api/public/dossiers/${code}/rating`, { phone: '0987654321', rating: 'dissatisfied' });
      expect(wrongPhone.status).toBe(404);
      const first = await post(`/api/public/dossiers/${code}/rating`, { phone, rating: 'satisfied', comment: 'Nhận kết quả trực tuyến rất tiện.' });
      expect(first.status).toBe(201);
      const second = await post(`/api/public/dossiers/${code}/rating`, { phone, rating: 'dissatisfied' });
      expect(second.status).toBe(409);
      const rows = await t.db.dataSource.query(`SELECT rating, comment FROM dossier_rating WHERE dossier_code = $1`, [code]);
      expect(rows).toEqual([{ rating: 'satisfied', comment: 'Nhận kết quả trực tuyến rất tiện.' }]);
      const lookup = await t.http.get(`/api/public/dossiers/${code}?phone=${encodeURIComponent(phone)}`).set('X-Forwarded-For', from());
      expect(lookup.body).toEqual(expect.objectContaining({ mayRate: false, rating: 'satisfied' }));
    });
  });
});
