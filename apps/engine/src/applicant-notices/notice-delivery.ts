import { systemClock, type Clock } from '../commands/command.js';
import type { Database, Sql } from '../persistence/database.js';
import { PollLoop, type PollLoopState } from '../jobs/poll-loop.js';
import type { NoticeChannel, OutgoingNotice } from './notice-channels.js';
import { lookupLine, unaccented, type NoticeEvent } from './notice-templates.js';
import { noticeQueue } from '../persistence/applicant-notices/notice-queue.js';

export interface NoticeDeliveryOptions {
  channels: NoticeChannel[];
  nodeId: string;
  publicUrl?: string;
  clock?: Clock;
  /** One send may take this long; its row stays locked meanwhile. Default 10 s. */
  timeoutMs?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Wait after the first failure, doubling per attempt up to maxBackoffMs. Default 5 s, 30 min. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** After this many failed attempts a notice is given up (kept, with its last error). Default 20. */
  maxAttempts?: number;
  log?: (message: string) => void;
}

interface PendingNotice {
  id: string;
  dossier_code: string;
  event: NoticeEvent | 'one_time_code';
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  data: Record<string, unknown>;
  attempts: number;
}

type Outcome = { ok: true; providerId?: string } | { ok: false; error: string };

/**
 * Delivers the applicant-notice outbox from any number of nodes: a batch takes due rows of the
 * configured channels with FOR UPDATE SKIP LOCKED, so two nodes never send the same row; each row
 * records its delivery, or its error and a later attempt (exponential back-off), in the same
 * transaction. A node killed mid-send rolls back and the row is sent again by another node: at
 * least once, with the notice id as the provider's dedup reference.
 */
export class ApplicantNoticeDelivery {
  private readonly clock: Clock;
  private readonly loop: PollLoop;
  private readonly channels: Map<string, NoticeChannel>;
  lastError?: string;

  constructor(
    private readonly db: Database,
    private readonly options: NoticeDeliveryOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.channels = new Map(options.channels.map((c) => [c.name, c]));
    const batchSize = options.batchSize ?? 20;
    this.loop = new PollLoop(PollLoop.batches(async () => (await this.sendBatch()).taken, batchSize), {
      name: `applicant notices (${options.nodeId})`,
      intervalMs: options.pollIntervalMs ?? 1_000,
      log: options.log,
      database: db,
    });
  }

  get state(): PollLoopState {
    return this.loop.state;
  }

  start(): void {
    if (this.loop.state !== 'stopped') return;
    if (this.channels.size === 0) {
      this.options.log?.(`applicant notices (${this.options.nodeId}): no channel configured; notices stay queued`);
      return;
    }
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    for (const channel of this.channels.values()) await channel.close?.();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Sends one batch; returns how many notices the providers accepted. */
  async deliverBatch(): Promise<number> {
    return (await this.sendBatch()).delivered;
  }

  private async sendBatch(): Promise<{ taken: number; delivered: number }> {
    if (this.channels.size === 0) return { taken: 0, delivered: 0 };
    return this.db.transaction(async (sql) => {
      const rows = await noticeQueue.takeDue<PendingNotice>(sql, this.clock.now(), [...this.channels.keys()], this.options.batchSize ?? 20);
      const outcomes = await Promise.all(rows.map((row) => this.send(row)));
      const now = this.clock.now();
      let delivered = 0;
      for (const [i, row] of rows.entries()) {
        if (outcomes[i].ok) delivered += 1;
        await this.record(sql, row, outcomes[i], now);
      }
      return { taken: rows.length, delivered };
    });
  }

  private async send(row: PendingNotice): Promise<Outcome> {
    const channel = this.channels.get(row.channel)!;
    // A one-time code is not a progress notice: no link beside it.
    const lookup = this.options.publicUrl && row.event !== 'one_time_code' ? lookupLine(this.options.publicUrl, row.dossier_code) : '';
    const notice: OutgoingNotice = {
      id: String(row.id),
      dossierCode: row.dossier_code,
      event: row.event,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body + (row.channel === 'sms' ? unaccented(lookup) : lookup),
      data: row.data,
    };
    try {
      const { providerId } = await channel.send(notice, AbortSignal.timeout(this.options.timeoutMs ?? 10_000));
      return { ok: true, providerId };
    } catch (error) {
      return { ok: false, error: (error as Error).message || String(error) };
    }
  }

  private async record(sql: Sql, row: PendingNotice, outcome: Outcome, now: Date): Promise<void> {
    const attempts = row.attempts + 1;
    if (outcome.ok) {
      await noticeQueue.delivered(sql, row.id, now, attempts, outcome.providerId ?? null);
      return;
    }
    this.lastError = outcome.error;
    if (attempts >= (this.options.maxAttempts ?? 20)) {
      this.options.log?.(`applicant notice ${row.id} (${row.channel}, dossier ${row.dossier_code}) given up after ${attempts} attempts: ${outcome.error}`);
      await noticeQueue.givenUp(sql, row.id, attempts, now, outcome.error.slice(0, 2000));
      return;
    }
    const base = this.options.backoffMs ?? 5_000;
    const delay = Math.min(this.options.maxBackoffMs ?? 30 * 60_000, base * 2 ** Math.min(attempts - 1, 30));
    await noticeQueue.retryLater(sql, row.id, attempts, new Date(now.getTime() + delay), outcome.error.slice(0, 2000));
  }
}
