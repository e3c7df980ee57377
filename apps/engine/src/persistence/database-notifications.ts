import pg from 'pg';

export interface DatabaseNotificationsOptions {
  log?: (message: string) => void;
  /** First wait before reconnecting after the connection broke; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

type Listener = () => void;

/**
 * One dedicated connection per node that LISTENs for what other nodes announce with
 * `pg_notify` (a token revoked, a user disabled), so every node hears of it within
 * milliseconds instead of at its next poll.
 *
 * The connection breaks when the database restarts: the error is caught, the connection is
 * opened again with back-off, and every subscriber is called once it is back, since whatever
 * was announced meanwhile was missed and must be read afresh.
 */
export class DatabaseNotifications {
  private client?: pg.Client;
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private backoff = 0;
  connected = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly options: DatabaseNotificationsOptions = {},
  ) {}

  /** Calls `listener` on every notification of `channel`, and after every reconnection. */
  subscribe(channel: string, listener: Listener): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel name ${channel} is not a plain identifier`);
    const first = !this.listeners.has(channel);
    if (first) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    if (first && this.client && this.connected) void this.client.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...this.connection, keepAlive: true });
    this.client = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.client !== client) return;
      lost = true;
      this.connected = false;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) {
        this.options.log?.(`notifications: connection lost${error ? ` (${error.message})` : ''}; reconnecting`);
        this.retry();
      }
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => this.deliver(message.channel));
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
      if (this.client !== client) return;
      this.connected = true;
      this.backoff = 0;
      // Whatever was announced while nobody listened has to be read afresh.
      for (const channel of this.listeners.keys()) this.deliver(channel);
    } catch (error) {
      onLost(error as Error);
    }
  }

  private retry(): void {
    this.backoff = Math.min(this.options.maxBackoffMs ?? 5_000, this.backoff === 0 ? this.options.backoffMs ?? 500 : this.backoff * 2);
    this.timer = setTimeout(() => void this.connect(), this.backoff);
  }

  private deliver(channel: string): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        listener();
      } catch (error) {
        this.options.log?.(`notifications: a listener of ${channel} failed: ${(error as Error).message}`);
      }
    }
  }
}
