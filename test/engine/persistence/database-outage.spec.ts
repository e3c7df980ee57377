import type { DataSource } from 'typeorm';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createDataSource } from '../../../apps/engine/src/persistence/data-source.js';
import { isDatabaseOutage } from '../../../apps/engine/src/persistence/database-outage.js';
import { ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { TcpProxy } from '../../support/tcp-proxy.js';

/**
 * The database goes away (a restart, a failover, a network blip) and comes back. The engine's
 * handle on it must neither crash the process nor corrupt anything: work in flight fails whole
 * as "unavailable", new work is refused quickly while the database is away, and the same pool
 * serves again as soon as it returns. The cut is real: a TCP hop that resets every connection.
 */
describe('Database through an outage', () => {
  let testDb: TestDatabase;
  let proxy: TcpProxy;
  let dataSource: DataSource;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.dataSource.query(`CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`);
    proxy = await TcpProxy.to(testDb.url);
    dataSource = createDataSource(proxy.url(testDb.url), { poolSize: 4, connectTimeoutMs: 1_000 });
    await dataSource.initialize();
    db = new Database(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await proxy.close();
    await testDb.close();
  });
  beforeEach(() => testDb.dataSource.query(`DELETE FROM note`));

  it('given idle pooled connections, when every connection is reset, then the process lives on and the next statement is refused as unavailable', async () => {
    await Promise.all([1, 2, 3].map(() => db.query('SELECT pg_sleep(0.01)')));
    await proxy.cut();
    const refused = await db.query('SELECT 1').catch((e) => e);
    expect(refused).toMatchObject({ code: ErrorCode.Unavailable });
    expect(db.outage).toMatchObject({ since: expect.any(Date), reason: expect.any(String) });
    await proxy.restore();
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(db.outage).toBeUndefined();
  });

  it('given a transaction between two round trips, when its connection is reset, then it fails as unavailable and nothing of it is committed', async () => {
    const attempt = db.transaction(async (sql) => {
      await sql.query(`INSERT INTO note VALUES (1, 'một') RETURNING id`);
      await proxy.cut(); // the socket dies while the command works in memory
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sql.execute(`INSERT INTO note VALUES (2, 'hai')`);
    });
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.Unavailable });
    await proxy.restore();
    expect(await testDb.dataSource.query(`SELECT id FROM note`)).toEqual([]);
    await db.transaction((sql) => sql.execute(`INSERT INTO note VALUES (3, 'ba')`));
    expect(await testDb.dataSource.query(`SELECT id FROM note`)).toEqual([{ id: 3 }]);
  });

  it('given keyed reads (prepared on their connection), when the connections are replaced after an outage, then the statements are prepared again on the new ones', async () => {
    const read = () => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM note WHERE id > $1`, [0], { keyed: true });
    expect(await read()).toEqual([{ n: 0 }]);
    await proxy.cut();
    await expect(read()).rejects.toMatchObject({ code: ErrorCode.Unavailable });
    await proxy.restore();
    expect(await read()).toEqual([{ n: 0 }]);
  });

  it('given the server ends the sessions itself (pg_terminate_backend, as in a restart), then the pool drops them and carries on', async () => {
    await Promise.all([1, 2, 3].map(() => db.query('SELECT pg_sleep(0.01)')));
    await testDb.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('given a database that refuses connections, then a request is answered within the connect timeout instead of hanging', async () => {
    await proxy.cut();
    const began = Date.now();
    await expect(db.transaction((sql) => sql.query('SELECT 1'))).rejects.toMatchObject({ code: ErrorCode.Unavailable });
    expect(Date.now() - began).toBeLessThan(2_000);
    await proxy.restore();
  });
});

describe('what counts as the database being away', () => {
  it.each([
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['TypeORM wrapping a driver error', Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
  ])('given %s, then it is an outage', (_, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error at or near'), { code: '42601' })],
    ['a lock conflict', Object.assign(new Error('could not obtain lock'), { code: '55P03' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('given %s, then it is not', (_, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
