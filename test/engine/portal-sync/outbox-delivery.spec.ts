import { setTimeout as sleep } from 'node:timers/promises';
import { enqueueSync } from '../../../apps/engine/src/persistence/portal-sync/outbox.js';
import { PortalOutboxDelivery } from '../../../apps/engine/src/portal-sync/outbox-delivery.js';
import { buildSyncRecord, type SyncDossier } from '../../../apps/engine/src/portal-sync/sync-record.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { FakePortal } from './fake-portal.js';

class ManualClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const STATUSES = [2, 4, 9, 10];

function dossier(code: string, status: number): SyncDossier {
  return {
    code, procedure_code: '1.001806', procedure_name: 'Thủ tục mẫu', field: 'Y tế', agency_code: 'SYT', applicant_name: 'Nguyễn Văn A',
    applicant_type: 'citizen', channel: 'direct', received_at: new Date('2026-08-01T02:00:00Z'), due_at: null, returned_at: null, status,
  };
}

/** Queues, one committed transaction each, the status records of the dossiers interleaved: A2 B2 C2 A4 B4 C4 … */
async function enqueueInterleaved(db: Database, codes: string[], statuses: number[], now: Date): Promise<void> {
  for (const status of statuses) {
    for (const code of codes) await db.transaction((sql) => enqueueSync(sql, buildSyncRecord(dossier(code, status)), now));
  }
}

interface OutboxRow {
  id: string;
  dossier_code: string;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
}

describe('national portal outbox delivery', () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = new Database(t.dataSource);
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query(`TRUNCATE portal_outbox`));

  const rows = () => db.query<OutboxRow>(`SELECT id, dossier_code, attempts, next_attempt_at, delivered_at, last_error FROM portal_outbox ORDER BY id`);

  /** Each dossier's accepted records came in id order, with the statuses in the order queued. */
  function expectInOrderExactlyOnce(portal: FakePortal, codes: string[], statuses: number[]): void {
    const ids = portal.accepted.map((d) => d.outboxId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(codes.length * statuses.length);
    const byDossier = portal.arrivalsByDossier();
    for (const code of codes) {
      const arrivals = byDossier.get(code)!;
      expect(arrivals.map((d) => d.record.TrangThaiHoSo)).toEqual(statuses.map(String));
      const order = arrivals.map((d) => Number(d.outboxId));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  }

  it('given a portal that refuses connections, then answers 503, then recovers, then every record is delivered once, in order per dossier', async () => {
    const portal = await FakePortal.reserve(); // nothing listens yet: connections are refused
    const clock = new ManualClock(new Date('2026-08-01T02:00:00Z'));
    const delivery = new PortalOutboxDelivery(db, { url: portal.url, nodeId: 'node-1', clock, backoffMs: 1_000, timeoutMs: 2_000 });
    const codes = ['A', 'B', 'C'];
    await enqueueInterleaved(db, codes, STATUSES, clock.now());
    try {
      // Down: only each dossier's first record is tried; the later ones wait behind it.
      expect(await delivery.deliverBatch()).toBe(0);
      let state = await rows();
      expect(state.filter((r) => r.attempts === 1).map((r) => r.dossier_code)).toEqual(['A', 'B', 'C']);
      expect(state.filter((r) => r.attempts === 0)).toHaveLength(9);
      expect(state[0].last_error).toMatch(/ECONNREFUSED|fetch failed/);
      expect(state[0].next_attempt_at).toEqual(new Date(clock.now().getTime() + 1_000));

      // Still backing off: nothing is tried before next_attempt_at.
      expect(await delivery.deliverBatch()).toBe(0);
      expect((await rows()).filter((r) => r.attempts > 1)).toEqual([]);

      // Up but unavailable: 503, and the back-off doubles.
      await portal.start();
      portal.answer = () => 503;
      clock.advance(1_000);
      expect(await delivery.deliverBatch()).toBe(0);
      expect(portal.requests).toBe(3);
      state = await rows();
      expect(state.filter((r) => r.attempts === 2).map((r) => [r.dossier_code, r.last_error])).toEqual([
        ['A', 'portal answered HTTP 503'], ['B', 'portal answered HTTP 503'], ['C', 'portal answered HTTP 503'],
      ]);
      expect(state[0].next_attempt_at).toEqual(new Date(clock.now().getTime() + 2_000));
      expect(portal.accepted).toEqual([]);

      // Back: drain.
      portal.answer = () => 200;
      clock.advance(2_000);
      let delivered = 0;
      for (let n = await delivery.deliverBatch(); n > 0; n = await delivery.deliverBatch()) delivered += n;
      expect(delivered).toBe(12);
      expectInOrderExactlyOnce(portal, codes, STATUSES);
      state = await rows();
      expect(state.every((r) => r.delivered_at !== null && r.last_error === null)).toBe(true);
      expect(state.filter((r) => r.dossier_code === 'A').map((r) => r.attempts)).toEqual([3, 1, 1, 1]);
    } finally {
      await portal.stop();
    }
  });

  it('given one dossier the portal rejects or never answers, then the other dossiers are delivered meanwhile, and it follows once accepted', async () => {
    const portal = await FakePortal.started();
    const clock = new ManualClock(new Date('2026-08-01T02:00:00Z'));
    const delivery = new PortalOutboxDelivery(db, { url: portal.url, nodeId: 'node-1', clock, backoffMs: 1_000, timeoutMs: 300 });
    const codes = ['POISON', 'B', 'C'];
    await enqueueInterleaved(db, codes, STATUSES, clock.now());
    try {
      portal.answer = (record) => (record.MaHoSo === 'POISON' ? 'hang' : 200);
      const started = Date.now();
      expect(await delivery.deliverBatch()).toBe(2);
      expect(Date.now() - started).toBeLessThan(2_000); // the hanging POST timed out; it did not hold the batch
      expect((await rows()).find((r) => r.dossier_code === 'POISON')!.last_error).toMatch(/timeout/);
      portal.answer = (record) => (record.MaHoSo === 'POISON' ? 422 : 200);
      clock.advance(1_000);
      for (let i = 0; i < 5; i++) await delivery.deliverBatch();
      const byDossier = portal.arrivalsByDossier();
      expect(byDossier.get('B')).toHaveLength(4);
      expect(byDossier.get('C')).toHaveLength(4);
      expect(byDossier.get('POISON')).toBeUndefined();
      // Only its first record was ever tried: twice (timeout, then 422), and it now backs off.
      const tried = (await rows()).filter((r) => r.dossier_code === 'POISON' && r.attempts > 0);
      expect(tried.map((r) => [r.attempts, r.last_error])).toEqual([[2, 'portal answered HTTP 422']]);

      portal.answer = () => 200;
      clock.advance(60_000);
      for (let n = await delivery.deliverBatch(); n > 0; n = await delivery.deliverBatch());
      expectInOrderExactlyOnce(portal, codes, STATUSES);
    } finally {
      await portal.stop();
    }
  });

  it('given two engine nodes delivering at once, then each of 200 records reaches the portal exactly once, in order per dossier', async () => {
    const portal = await FakePortal.started();
    portal.answer = async () => {
      await sleep(Math.floor(Math.random() * 8));
      return 200;
    };
    const second = new Database(await t.connectAnother());
    const nodes = [
      new PortalOutboxDelivery(db, { url: portal.url, nodeId: 'node-1', batchSize: 5 }),
      new PortalOutboxDelivery(second, { url: portal.url, nodeId: 'node-2', batchSize: 5 }),
    ];
    const codes = Array.from({ length: 40 }, (_, i) => `D${String(i).padStart(2, '0')}`);
    const statuses = [2, 4, 5, 9, 10];
    await enqueueInterleaved(db, codes, statuses, new Date());
    try {
      const deadline = Date.now() + 30_000;
      const drain = async (node: PortalOutboxDelivery) => {
        let delivered = 0;
        while (Date.now() < deadline) {
          const n = await node.deliverBatch();
          delivered += n;
          if (n > 0) continue;
          const [{ pending }] = await db.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM portal_outbox WHERE delivered_at IS NULL`);
          if (pending === 0) break;
          await sleep(2); // the rest is in the other node's hands right now
        }
        return delivered;
      };
      const [a, b] = await Promise.all(nodes.map(drain));
      expect(a + b).toBe(200);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(portal.requests).toBe(200);
      expectInOrderExactlyOnce(portal, codes, statuses);
    } finally {
      await portal.stop();
    }
  });

  it('given the loop started, then queued records go out without anyone calling deliverBatch, until stopped', async () => {
    const portal = await FakePortal.started();
    const delivery = new PortalOutboxDelivery(db, { url: portal.url, nodeId: 'node-1', pollIntervalMs: 20 });
    try {
      delivery.start();
      expect(delivery.isRunning).toBe(true);
      await enqueueInterleaved(db, ['A', 'B'], [2, 4], new Date());
      delivery.wake();
      for (let i = 0; i < 200 && portal.accepted.length < 4; i++) await sleep(10);
      expectInOrderExactlyOnce(portal, ['A', 'B'], [2, 4]);
    } finally {
      await delivery.stop();
      await portal.stop();
    }
    expect(delivery.isRunning).toBe(false);
  });

  it('given no portal URL, then delivery is off and the records stay queued untouched', async () => {
    const logs: string[] = [];
    const delivery = new PortalOutboxDelivery(db, { url: undefined, nodeId: 'node-1', log: (m) => logs.push(m) });
    await enqueueInterleaved(db, ['A'], [2], new Date());
    expect(await delivery.deliverBatch()).toBe(0);
    delivery.start();
    expect(delivery.isRunning).toBe(false);
    expect(logs[0]).toContain('ONEDOOR_PORTAL_URL unset');
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 0, delivered_at: null, last_error: null })]);
  });
});
