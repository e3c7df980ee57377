import { isDatabaseOutage } from '../persistence/database-outage.js';

export interface PollLoopOptions {
  /** Names the loop in the log ("job executor (node-1)"). */
  name: string;
  /** Wait between rounds that found less than a full batch. */
  intervalMs: number;
  /** First wait after the database went away; doubles per failed round up to maxBackoffMs. */
  outageBackoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string) => void;
  /** Runs once when the database answers again after an outage, before the next round. */
  onRecovered?: () => Promise<void>;
  /** The database whose first answer after an outage (anyone's statement) ends the back-off at once. */
  database?: { onReachable(listener: () => void): void };
  /** Wakes the loop on every NOTIFY of `channel` (another node's change), besides the interval. */
  wakeOn?: { notifications: { subscribe(channel: string, listener: () => void): void }; channel: string };
}

export type PollLoopState = 'stopped' | 'running' | 'paused';

/**
 * The background loop every queue shares — the job executor, the portal outbox, the applicant
 * notices, the token revocations: one round at a time, the next one right away when a round was
 * full, after the interval otherwise, at once when woken (a local nudge or a NOTIFY). Taking the
 * rows (FOR UPDATE SKIP LOCKED) stays with each queue's store; the loop only decides when.
 *
 * When a round fails because the database is away, the loop pauses: it logs once, tries again
 * after 0.5 s, 1 s, 2 s … (at most maxBackoffMs), and logs once more when a round gets through.
 * Any other failure is logged and the loop carries on at its interval. Nothing a round throws
 * ever leaves the loop.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = true;
  private current?: Promise<void>;
  private backoffMs = 0;
  private pause?: { since: Date; reason: string };

  constructor(
    private readonly round: () => Promise<{ full: boolean }>,
    private readonly options: PollLoopOptions,
  ) {
    options.database?.onReachable(() => this.databaseReachable());
    if (options.wakeOn) options.wakeOn.notifications.subscribe(options.wakeOn.channel, () => this.wake());
  }

  /** A round over a queue taken `batchSize` rows at a time: full when it took a whole batch. */
  static batches(take: () => Promise<number>, batchSize: number): () => Promise<{ full: boolean }> {
    return async () => ({ full: (await take()) >= batchSize });
  }

  get state(): PollLoopState {
    if (this.stopped) return 'stopped';
    return this.pause ? 'paused' : 'running';
  }

  /** While paused: since when and why (the database error). */
  get paused(): { since: Date; reason: string } | undefined {
    return this.pause;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Runs a round now — right after the one running, if one is (not while waiting out an outage). */
  wake(): void {
    if (this.stopped || this.pause) return;
    if (this.running) this.wokenWhileRunning = true;
    else this.schedule(0);
  }

  private wokenWhileRunning = false;

  /** The database answers again (someone else's statement got through): stop waiting out the back-off. */
  databaseReachable(): void {
    if (!this.stopped && !this.running && this.pause) this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    this.wokenWhileRunning = false;
    let next = this.options.intervalMs;
    try {
      const { full } = await this.round();
      if (this.pause) await this.recovered();
      if (full || this.wokenWhileRunning) next = 0;
    } catch (error) {
      next = this.failed(error);
    } finally {
      this.running = false;
      if (!this.stopped) this.schedule(next);
    }
  }

  private failed(error: unknown): number {
    // An outage wrapped for the API keeps the driver's own words (ECONNREFUSED, 57P01…) as its cause.
    const cause = (error as { cause?: unknown })?.cause ?? error;
    const message = (cause as Error)?.message ?? String(cause);
    if (!isDatabaseOutage(error)) {
      this.options.log?.(`${this.options.name}: ${message}`);
      return this.options.intervalMs;
    }
    if (!this.pause) {
      this.pause = { since: new Date(), reason: message };
      this.options.log?.(`${this.options.name}: database unavailable, paused (${message}); retrying with back-off`);
    }
    const first = this.options.outageBackoffMs ?? 500;
    this.backoffMs = Math.min(this.options.maxBackoffMs ?? 5_000, this.backoffMs === 0 ? first : this.backoffMs * 2);
    return this.backoffMs;
  }

  private async recovered(): Promise<void> {
    const seconds = ((Date.now() - this.pause!.since.getTime()) / 1000).toFixed(1);
    this.pause = undefined;
    this.backoffMs = 0;
    this.options.log?.(`${this.options.name}: database reachable again after ${seconds} s; resumed`);
    await this.options.onRecovered?.().catch((error: Error) => this.options.log?.(`${this.options.name}: after the outage: ${error.message}`));
  }
}
