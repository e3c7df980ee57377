import { jest } from '@jest/globals';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { StatementBatch } from '../../../apps/engine/src/persistence/statement-batch.js';
import { DomainError } from '../../../apps/engine/src/shared/domain-error.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { exchangesDuring } from '../../support/exchanges.js';

/**
 * A command's transaction is pipelined: statements go out without waiting for each answer.
 * These specs pin down what that must not change: order, all-or-nothing, the first error, and
 * how many round trips a command costs.
 */
describe('Database transactions (pipelined, prepared)', () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new Database(testDb.dataSource);
    await db.query(`CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`);
  });
  afterAll(() => testDb.close());
  beforeEach(() => db.query(`DELETE FROM note`));

  it('given queued writes, when a read follows, then the read sees them (sent first, same transaction)', async () => {
    const seen = await db.transaction(async (sql) => {
      await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, 'một']);
      await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [2, 'hai']);
      return sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM note`);
    });
    expect(seen).toEqual([{ n: 2 }]);
    expect(await db.query(`SELECT body FROM note ORDER BY id`)).toEqual([{ body: 'một' }, { body: 'hai' }]);
  });

  it('given a batch of statements, then each answers with its own rows, in order', async () => {
    const [first, second] = await db.transaction((sql) =>
      sql.queryBatch([
        { text: `INSERT INTO note VALUES ($1, $2) RETURNING id`, params: [7, 'bảy'] },
        { text: `SELECT body FROM note WHERE id = $1`, params: [7] },
      ]),
    );
    expect(first).toEqual([{ id: 7 }]);
    expect(second).toEqual([{ body: 'bảy' }]);
  });

  it('given a write that fails at commit, then the transaction is rolled back whole and the failure is the first error, not "transaction aborted"', async () => {
    const attempt = db.transaction(async (sql) => {
      await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, 'một']);
      await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, 'trùng khoá']);
      await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [3, 'ba']);
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(await db.query(`SELECT * FROM note`)).toEqual([]);
  });

  it('given a failed transaction, then its connection serves the next one normally', async () => {
    for (let i = 0; i < 12; i++) {
      await db.transaction((sql) => sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, null])).catch(() => undefined);
    }
    await db.transaction((sql) => sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, 'được']));
    expect(await db.query(`SELECT body FROM note`)).toEqual([{ body: 'được' }]);
  });

  it('given two commands locking one row, when the second cannot wait, then it is a conflict (409), not a crash', async () => {
    await db.query(`INSERT INTO note VALUES (1, 'một')`);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = db.transaction(async (sql) => {
      await sql.query(`SELECT * FROM note WHERE id = $1 FOR UPDATE`, [1]);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = db.transaction((sql) => sql.query(`SELECT * FROM note WHERE id = $1 FOR UPDATE NOWAIT`, [1]));
    await expect(second).rejects.toBeInstanceOf(DomainError);
    release();
    await first;
  });

  it('given a command of three writes and a read, then it costs two exchanges: BEGIN with the read, the writes with COMMIT', async () => {
    const exchanges = await exchangesDuring(() =>
      db.transaction(async (sql) => {
        await sql.query(`SELECT count(*) FROM note`);
        await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [1, 'a']);
        await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [2, 'b']);
        await sql.execute(`UPDATE note SET body = $2 WHERE id = $1`, [1, 'c']);
      }),
    );
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0][0]).toBe('BEGIN');
    expect(exchanges[0].at(-1)).toBe('SELECT count(*) FROM note');
    expect(exchanges[1]).toHaveLength(4);
    expect(exchanges[1].at(-1)).toBe('COMMIT');
    expect(await db.query(`SELECT id, body FROM note ORDER BY id`)).toEqual([{ id: 1, body: 'c' }, { id: 2, body: 'b' }]);
  });

  it('given the same statement on many connections and after errors, then each connection prepares it once and keeps working', async () => {
    const insert = (id: number) => db.transaction((sql) => sql.execute(`INSERT INTO note VALUES ($1, $2)`, [id, `ghi chú ${id}`]), { keyed: true });
    await Promise.all(Array.from({ length: 30 }, (_, i) => insert(i + 1)));
    await expect(insert(1)).rejects.toMatchObject({ code: '23505' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => insert(i + 31)));
    expect(await db.query(`SELECT count(*)::int AS n FROM note`)).toEqual([{ n: 60 }]);
  });

  it('given keyed reads outside a transaction, then they answer like plain ones and leave no setting behind on the connections', async () => {
    await db.query(`INSERT INTO note SELECT g, 'ghi chú ' || g FROM generate_series(1, 40) g`);
    const keyed = await Promise.all(Array.from({ length: 30 }, (_, i) => db.query<{ body: string }>(`SELECT body FROM note WHERE id = $1`, [i + 1], { keyed: true })));
    expect(keyed.map(([row]) => row.body)).toEqual(Array.from({ length: 30 }, (_, i) => `ghi chú ${i + 1}`));
    const settings = await Promise.all(Array.from({ length: 30 }, () => db.query<{ enable_seqscan: string }>(`SHOW enable_seqscan`)));
    expect(new Set(settings.map(([row]) => row.enable_seqscan))).toEqual(new Set(['on']));
  });

  it('given a keyed read run again and again, then the server describes its rows once per connection and every run decodes them alike', async () => {
    await db.query(`INSERT INTO note VALUES (1, 'một')`);
    const read = () =>
      db.query(`SELECT id, body, timestamptz '2026-11-27 09:30:00.123+07' AS at, jsonb_build_object('bước', id) AS doc, NULL::text AS nothing FROM note WHERE id = $1`, [1], { keyed: true });
    const described = jest.spyOn(StatementBatch.prototype, 'handleRowDescription');
    try {
      const first = await read();
      const runs = [];
      for (let i = 0; i < 40; i++) runs.push(await read());

      expect(first).toEqual([{ id: 1, body: 'một', at: new Date('2026-11-27T02:30:00.123Z'), doc: { bước: 1 }, nothing: null }]);
      for (const rows of runs) expect(rows).toEqual(first);
      // 41 runs, two statements each (the plan settings and the read), on a pool of connections.
      const connections = (testDb.dataSource.driver as unknown as { master: { totalCount: number } }).master.totalCount;
      expect(described.mock.calls.length).toBeLessThanOrEqual(2 * connections);
      expect(described.mock.calls.length).toBeLessThan(41);
    } finally {
      described.mockRestore();
    }
  });

  it('given a keyed transaction that fails after its first statements were parsed, then the statements the server skipped are parsed when next used', async () => {
    const attempt = (id: number, fail: boolean) =>
      db.transaction(async (sql) => {
        await sql.execute(`SELECT 1 / $1::int AS checked`, [fail ? 0 : 1]);
        await sql.execute(`INSERT INTO note (id, body) VALUES ($1, $2)`, [id, `sau lần lỗi ${id}`]);
      }, { keyed: true });
    // Fail on every pooled connection first, then succeed on them.
    const failures = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => attempt(100 + i, true)));
    expect(failures.every((f) => f.status === 'rejected' && (f.reason as { code?: string }).code === '22012')).toBe(true);
    await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(200 + i, false)));
    expect(await db.query(`SELECT count(*)::int AS n FROM note WHERE id >= 200`)).toEqual([{ n: 12 }]);
  });
});
