import pg from 'pg';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/**
 * Group commit (commit-groups.ts): commands whose whole transaction is one batch, ready while
 * every slot is busy, commit together. Each must still be atomic, refused alone, and
 * acknowledged only once committed. One slot here, held by a transaction that waits for a row
 * lock another connection holds, so the commands behind it queue and go out as one group.
 */
describe('Group commit', () => {
  let testDb: TestDatabase;
  let db: Database;
  let blocker: pg.Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new Database(testDb.dataSource, { commitSlots: 1 });
    await db.query(`CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`);
    blocker = new pg.Client({ connectionString: testDb.url });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker.end();
    await testDb.close();
  });
  beforeEach(async () => {
    await db.query(`DELETE FROM note`);
    await db.query(`INSERT INTO note VALUES (100, 'chặn')`);
  });

  /** A command-like transaction: its writes go out with its COMMIT, in one batch. */
  const write = (id: number, body: string, committed?: () => void) =>
    db.transaction(
      async (sql) => {
        await sql.execute(`INSERT INTO note VALUES ($1, $2)`, [id, body]);
        sql.afterCommit(() => committed?.());
      },
      { keyed: true },
    );

  /** Occupies the only slot until `release` is called: its update waits for the blocker's row lock. */
  async function occupySlot() {
    await blocker.query('BEGIN');
    await blocker.query(`SELECT * FROM note WHERE id = 100 FOR UPDATE`);
    const first = db.transaction((sql) => sql.execute(`UPDATE note SET body = 'đã qua' WHERE id = 100`), { keyed: true });
    await waitUntil(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))[0].n > 0);
    return { first, release: () => blocker.query('COMMIT') };
  }

  it('given commands queued behind a busy slot, when the slot frees, then they commit in one transaction and each is acknowledged only after it', async () => {
    const slot = await occupySlot();
    const acknowledged: number[] = [];
    const writes = [1, 2, 3].map((id) => write(id, `ghi ${id}`).then(() => acknowledged.push(id)));
    await new Promise((r) => setTimeout(r, 100));
    expect(acknowledged).toEqual([]);
    expect(await db.query(`SELECT id FROM note WHERE id < 100`)).toEqual([]);

    await slot.release();
    await slot.first;
    await Promise.all(writes);

    expect(acknowledged.sort()).toEqual([1, 2, 3]);
    const rows = await db.query<{ id: number; tx: string }>(`SELECT id, xmin::text AS tx FROM note WHERE id < 100 ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
  });

  it('given a group in which one command fails, then that command alone is refused and the others commit', async () => {
    await db.query(`INSERT INTO note VALUES (2, 'đã có')`);
    const slot = await occupySlot();
    const committed: number[] = [];
    const outcomes = Promise.allSettled([1, 2, 3].map((id) => write(id, `ghi ${id}`, () => committed.push(id))));
    await new Promise((r) => setTimeout(r, 100));
    await slot.release();
    await slot.first;

    const [one, two, three] = await outcomes;
    expect(one.status).toBe('fulfilled');
    expect(two).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    expect(three.status).toBe('fulfilled');
    expect(committed.sort()).toEqual([1, 3]);
    expect(await db.query(`SELECT id, body FROM note WHERE id < 100 ORDER BY id`)).toEqual([
      { id: 1, body: 'ghi 1' },
      { id: 2, body: 'đã có' },
      { id: 3, body: 'ghi 3' },
    ]);
  });

  it('given a group that failed, then every connection serves the next transaction normally', async () => {
    await db.query(`INSERT INTO note VALUES (5, 'đã có')`);
    const slot = await occupySlot();
    const outcomes = Promise.allSettled([4, 5, 6].map((id) => write(id, `ghi ${id}`)));
    await new Promise((r) => setTimeout(r, 100));
    await slot.release();
    await slot.first;
    await outcomes;
    for (let id = 10; id < 30; id++) await write(id, 'sau');
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM note WHERE id >= 10 AND id < 30`))[0].n).toBe(20);
  });
});

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the condition never held');
}
