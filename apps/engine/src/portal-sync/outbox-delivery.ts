import { systemClock, type Clock } from '../commands/command.js';
import type { Database, Sql } from '../persistence/database.js';
import { PollLoop, type PollLoopState } from '../jobs/poll-loop.js';
import { portalOutboxQueue, type PendingPortalRecord } from '../persistence/portal-sync/portal-outbox-queue.js';

export interface PortalOutboxDeliveryOptions {
  /** The portal's endpoint (ONEDOOR_PORTAL_URL). Unset: delivery is off and records stay queued. */
  url?: string;
  /** This engine node's name, for the log. */
  nodeId: string;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Extra request headers, e.g. the portal's Authorization. */
  headers?: Record<string, string>;
  /** One POST may take this long; the rows it carries stay locked meanwhile. Default 10 s. */
  timeoutMs?: number;
  /** Records (of as many dossiers) sent per batch, concurrently. Default 20. */
  batchSize?: number;
  /** Poll interval when the last batch was not full. Default 1 s. */
  pollIntervalMs?: number;
  /** Wait after the first failure; doubles per attempt up to maxBackoffMs. Default 5 s. */
  backoffMs?: number;
  /** Default 30 minutes: a long portal outage is retried at this pace, forever. */
  maxBackoffMs?: number;
  log?: (message: string) => void;
}

type PendingRecord = PendingPortalRecord;

type Outcome = { ok: true } | { ok: false; error: string };

/**
 * Delivers the national-portal outbox: multi-node safe, in order per dossier, never letting one
 * dossier's trouble hold up another's.
 *
 * A batch takes, in one transaction, the oldest undelivered record of each dossier that has no
 * older undelivered record, with FOR UPDATE SKIP LOCKED: another node skips rows in flight, and
 * cannot take a dossier's next record while the previous one is undelivered (committed or not),
 * so a dossier's records reach the portal one after another in id order. The POSTs run
 * concurrently with a timeout while the rows stay locked; each row then records its delivery, or
 * its error and a next attempt with exponential back-off. A node that dies mid-batch rolls back
 * and releases its rows: delivery is at least once, and the receiver can recognise a repeat by
 * the `X-OneDoor-Outbox-Id` header.
 */
export class PortalOutboxDelivery {
  private readonly clock: Clock;
  private readonly fetch: typeof fetch;
  private readonly loop: PollLoop;
  lastError?: string;

  constructor(
    private readonly db: Database,
    private readonly options: PortalOutboxDeliveryOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.fetch = options.fetch ?? globalThis.fetch;
    const batchSize = options.batchSize ?? 20;
    this.loop = new PollLoop(PollLoop.batches(async () => (await this.sendBatch()).taken, batchSize), {
      name: `portal sync (${options.nodeId})`,
      intervalMs: options.pollIntervalMs ?? 1_000,
      log: options.log,
      database: db,
    });
  }

  get enabled(): boolean {
    return Boolean(this.options.url);
  }

  get isRunning(): boolean {
    return this.loop.state !== 'stopped';
  }

  /** running, paused (waiting out a database outage) or stopped (also: delivery off). */
  get state(): PollLoopState {
    return this.loop.state;
  }

  start(): void {
    if (this.loop.state !== 'stopped') return;
    if (!this.enabled) {
      this.options.log?.(`portal sync (${this.options.nodeId}): ONEDOOR_PORTAL_URL unset, delivery off; records stay queued`);
      return;
    }
    this.loop.start();
  }

  /** Stops polling; a batch in flight finishes (its POSTs are bounded by the timeout). */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Polls now, e.g. right after a command queued a record. */
  wake(): void {
    this.loop.wake();
  }

  /** Sends one batch; returns how many records were delivered (0 when delivery is off). */
  async deliverBatch(): Promise<number> {
    return (await this.sendBatch()).delivered;
  }

  private async sendBatch(): Promise<{ taken: number; delivered: number }> {
    const url = this.options.url;
    if (!url) return { taken: 0, delivered: 0 };
    return this.db.transaction(async (sql) => {
      const records = await portalOutboxQueue.takeDue(sql, this.clock.now(), this.options.batchSize ?? 20);
      const outcomes = await Promise.all(records.map((r) => this.post(url, r)));
      const now = this.clock.now();
      let delivered = 0;
      for (const [i, record] of records.entries()) {
        const outcome = outcomes[i];
        if (outcome.ok) delivered += 1;
        await this.record(sql, record, outcome, now);
      }
      return { taken: records.length, delivered };
    });
  }

  private async post(url: string, record: PendingRecord): Promise<Outcome> {
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-onedoor-outbox-id': String(record.id), ...this.options.headers },
        body: JSON.stringify(record.payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      // Read the answer so the connection can be reused; its content does not matter.
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? { ok: true } : { ok: false, error: `portal answered HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: `${(error as Error).message}${cause ? ` (${cause})` : ''}` };
    }
  }

  private async record(sql: Sql, record: PendingRecord, outcome: Outcome, now: Date): Promise<void> {
    if (outcome.ok) {
      await portalOutboxQueue.delivered(sql, record.id, now);
      return;
    }
    const attempts = record.attempts + 1;
    const base = this.options.backoffMs ?? 5_000;
    const delay = Math.min(this.options.maxBackoffMs ?? 30 * 60_000, base * 2 ** Math.min(attempts - 1, 30));
    this.lastError = outcome.error;
    await portalOutboxQueue.retryLater(sql, record.id, attempts, new Date(now.getTime() + delay), outcome.error.slice(0, 2000));
  }
}
