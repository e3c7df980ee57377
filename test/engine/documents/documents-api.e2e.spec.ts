import { Database } from '../../../apps/engine/src/persistence/database.js';
import { DossierFixtures, USERS } from './dossier-fixtures.js';
import { CODES, PRINTED_AT, seedScenarios } from './dossier-scenarios.js';
import { startDocumentsTestApp, type DocumentsTestApp } from './documents-test-app.js';
import { tableRows, textContent } from './text-content.js';

describe('GET /api/documents over HTTP', () => {
  let t: DocumentsTestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startDocumentsTestApp(PRINTED_AT);
    const fixtures = new DossierFixtures(new Database(t.db.dataSource));
    await fixtures.organisation();
    await seedScenarios(fixtures);
    for (const u of USERS) await t.organisation.upsertUser({ ...u, password: 'demo-password' });
    await t.organisation.upsertUser({ username: 'admin', password: 'demo-password', fullName: 'Quản trị', departmentCode: null, roles: ['admin'] });
    await t.organisation.upsertUser({ username: 'manager', password: 'demo-password', fullName: 'Quản lý', departmentCode: 'VPUBND', roles: ['manager'] });
    for (const name of ['motcua.syt', 'lanhdao.syt', 'chuyenvien.kgvx', 'motcua.snnmt', 'admin', 'manager']) token[name] = await t.login(name);
  });
  afterAll(() => t.close());

  it('given an officer of the agency, when a dossier form is asked for, then it is printable HTML in UTF-8 that runs no script', async () => {
    const res = await t.http.get(`/api/documents/${CODES.received}/01`).set('Authorization', token['motcua.syt']);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(textContent(res.text)).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(textContent(res.text)).toContain('ngày 05 tháng 4 năm 2027');
  });

  it('given forms 01–06, when each is asked for by a leader of a division of the agency, then each prints', async () => {
    for (const form of ['01', '02', '03', '04', '05', '06']) {
      const res = await t.http.get(`/api/documents/${CODES.processing}/${form}`).set('Authorization', token['lanhdao.syt']);
      expect(res.status).toBe(200);
    }
  });

  it('given users outside the agency, when they ask for its dossier, then it is not found, exactly like an unknown code', async () => {
    const partner = await t.http.get(`/api/documents/${CODES.returned}/06`).set('Authorization', token['chuyenvien.kgvx']);
    const other = await t.http.get(`/api/documents/${CODES.returned}/06`).set('Authorization', token['motcua.snnmt']);
    const unknown = await t.http.get(`/api/documents/SYT-000000-0000000/06`).set('Authorization', token['motcua.snnmt']);
    expect([partner.status, other.status, unknown.status]).toEqual([404, 404, 404]);
    expect(other.body).toEqual({ ...unknown.body, message: unknown.body.message.replace('SYT-000000-0000000', CODES.returned) });
    const own = await t.http.get(`/api/documents/${CODES.otherAgency}/01`).set('Authorization', token['motcua.snnmt']);
    expect(own.status).toBe(200);
  });

  it('given an admin without a department and a manager of another agency, when they ask, then they see every agency', async () => {
    expect((await t.http.get(`/api/documents/${CODES.stopped}/05`).set('Authorization', token.admin)).status).toBe(200);
    expect((await t.http.get(`/api/documents/${CODES.stopped}/05`).set('Authorization', token.manager)).status).toBe(200);
  });

  it('given bad requests, then 401 without a token and 400 naming the field at fault', async () => {
    expect((await t.http.get(`/api/documents/${CODES.received}/01`)).status).toBe(401);
    const form = await t.http.get(`/api/documents/${CODES.received}/08`).set('Authorization', token.admin);
    expect(form.status).toBe(400);
    expect(form.headers['content-type']).toMatch(/^application\/json/); // errors stay JSON, not the document's HTML
    expect(form.body.details[0].field).toBe('form');
    const pdf = await t.http.get(`/api/documents/${CODES.received}/01?format=pdf`).set('Authorization', token.admin);
    expect(pdf.status).toBe(400);
    expect(pdf.body.details[0].field).toBe('format');
    const extra = await t.http.get(`/api/documents/${CODES.received}/01?x=1`).set('Authorization', token.admin);
    expect(extra.status).toBe(400);
    const version = await t.http.get(`/api/documents/${CODES.received}/01?formVersion=TT01/2018`).set('Authorization', token.admin);
    expect(version.status).toBe(400);
  });

  it('given the tracking book, when asked by path or by query, then both print the same register of the agency', async () => {
    const byQuery = await t.http.get('/api/documents/tracking-book?agencyCode=SYT&from=2027-04-01&to=2027-04-30').set('Authorization', token['motcua.syt']);
    const byPath = await t.http.get('/api/documents/SYT/07?from=2027-04-01&to=2027-04-30').set('Authorization', token['motcua.syt']);
    const byDefault = await t.http.get('/api/documents/tracking-book').set('Authorization', token['motcua.syt']);
    expect([byQuery.status, byPath.status, byDefault.status]).toEqual([200, 200, 200]);
    expect(byPath.text).toBe(byQuery.text);
    expect(byDefault.text).toBe(byQuery.text); // printed in April 2027: the current month, the caller's agency
    expect(tableRows(byQuery.text)).toHaveLength(5);
    expect(byQuery.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('given the tracking book of another agency or bad dates, then 404 and 400', async () => {
    expect((await t.http.get('/api/documents/tracking-book?agencyCode=SYT').set('Authorization', token['motcua.snnmt'])).status).toBe(404);
    expect((await t.http.get('/api/documents/SYT/07').set('Authorization', token['motcua.snnmt'])).status).toBe(404);
    expect((await t.http.get('/api/documents/NOPE/07').set('Authorization', token.admin)).status).toBe(404);
    const bad = await t.http.get('/api/documents/tracking-book?agencyCode=SYT&from=2027-02-30').set('Authorization', token.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('from');
    const nobody = await t.http.get('/api/documents/tracking-book').set('Authorization', token.admin);
    expect(nobody.status).toBe(400);
    expect(nobody.body.details[0].field).toBe('agencyCode');
    const old = await t.http.get('/api/documents/tracking-book?agencyCode=SYT&from=2027-04-01&to=2027-04-30&formVersion=TT01/2018').set('Authorization', token.admin);
    expect(textContent(old.text)).toContain('Thông tư số 01/2018/TT-VPCP');
  });
});
