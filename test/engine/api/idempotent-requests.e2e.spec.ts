import { randomUUID } from 'node:crypto';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const dossier = (name: string) => ({ procedureKey: KEY, applicant: { name }, channel: 'direct' });

/**
 * A client that lost the answer to a request that creates something sends it again with the
 * same Idempotency-Key: it gets the first answer, and there is still one dossier.
 */
describe('requests that create things, retried with an Idempotency-Key', () => {
  let t: TestEngine;
  let reception: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    reception = await t.login('motcua.syt');
  });
  afterAll(() => t.close());

  const count = async (name: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dossier WHERE applicant_name = $1`, [name]))[0].n;

  it('given a dossier received with a key, when the same request is sent again, then the same dossier comes back and no second one exists', async () => {
    const key = randomUUID();
    const first = await t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', key).send(dossier('Lê Văn Lặp'));
    const again = await t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', key).send(dossier('Lê Văn Lặp'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count('Lê Văn Lặp')).toBe(1);
  });

  it('given the same key sent twice at the same moment, then both get the one dossier', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([1, 2].map(() => t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', key).send(dossier('Song Song'))));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.code).toBe(b.body.code);
    expect(await count('Song Song')).toBe(1);
  });

  it('given a key reused for a different request, then it is refused with 409 and nothing is created', async () => {
    const key = randomUUID();
    await t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', key).send(dossier('Người Thứ Nhất'));
    const other = await t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', key).send(dossier('Người Thứ Hai'));
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/Idempotency-Key/);
    expect(await count('Người Thứ Hai')).toBe(0);
  });

  it('given a malformed key, then 400 names the header', async () => {
    const bad = await t.http.post('/api/dossiers').set('Authorization', reception).set('Idempotency-Key', 'x').send(dossier('Sai Khoá'));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'Idempotency-Key', message: 'invalid' }]);
  });

  it('given a start by procedure key with a key, when retried, then one instance', async () => {
    const key = randomUUID();
    const admin = await t.login('admin');
    const first = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', admin).set('Idempotency-Key', key).send({ businessKey: 'retry-1' });
    const again = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', admin).set('Idempotency-Key', key).send({ businessKey: 'retry-1' });
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM process_instance WHERE business_key = 'retry-1'`);
    expect(n).toBe(1);
  });
});

describe('the audit log', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    const reception = await t.login('motcua.syt');
    await t.http.post('/api/dossiers').set('Authorization', reception).send(dossier('Kiểm Toán'));
  });
  afterAll(() => t.close());

  it('given audit entries, then the database itself refuses to update, delete or truncate them', async () => {
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM user_operation`);
    expect(n).toBeGreaterThan(0);
    await expect(t.db.dataSource.query(`UPDATE user_operation SET username = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.db.dataSource.query(`DELETE FROM user_operation`)).rejects.toThrow(/append-only/);
    await expect(t.db.dataSource.query(`TRUNCATE user_operation`)).rejects.toThrow(/append-only/);
    const [{ after }] = await t.db.dataSource.query(`SELECT count(*)::int AS after FROM user_operation`);
    expect(after).toBe(n);
  });
});
