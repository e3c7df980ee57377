import { PollLoop } from '../../jobs/poll-loop.js';
import type { Database } from '../database.js';
import type { DatabaseNotifications } from '../database-notifications.js';
import type { TokenClaims } from '../../identity/access-token.js';

export interface TokenRevocationsOptions {
  /** How often a node reads what other nodes revoked, should a notification be missed. */
  refreshMs?: number;
  /** Announcements from other nodes: a revocation reaches every node within milliseconds. */
  notifications?: DatabaseNotifications;
  log?: (message: string) => void;
}

/** The channel on which a node announces that it revoked something. */
export const SESSIONS_CHANNEL = 'onedoor_sessions';

/**
 * Which signed tokens no longer count, known to every node without a database round trip per
 * request: the tokens signed out one by one (logout) and, per user, the token generation below
 * which every token is void (password changed, sessions ended, user disabled). A node learns its
 * own revocations at once and the other nodes' as soon as their announcement arrives (LISTEN /
 * NOTIFY), or at its next read every `refreshMs` (2 s) should one be missed.
 *
 * Reads overlap by a margin, since a revocation committed late may carry an earlier timestamp
 * than one already seen; adding a known entry again changes nothing.
 */
export class TokenRevocations {
  private readonly revoked = new Map<string, number>();
  private readonly generations = new Map<string, number>();
  private since?: Date;
  private readonly loop: PollLoop;

  constructor(
    private readonly db: Database,
    private readonly options: TokenRevocationsOptions = {},
  ) {
    this.loop = new PollLoop(async () => {
      await this.refresh();
      return { full: false };
    }, {
      name: 'token revocations',
      intervalMs: options.refreshMs ?? 2_000,
      log: options.log,
      wakeOn: options.notifications && { notifications: options.notifications, channel: SESSIONS_CHANNEL },
    });
  }

  /** Whether a verified, unexpired token was taken back. */
  isRevoked(claims: Pick<TokenClaims, 'username' | 'jti' | 'gen'>): boolean {
    if (claims.jti !== undefined && this.revoked.has(claims.jti)) return true;
    return (claims.gen ?? 0) < (this.generations.get(claims.username) ?? 0);
  }

  /** The generation a new token of this user is issued under. */
  generationOf(username: string): number {
    return this.generations.get(username) ?? 0;
  }

  /** Signs one token out (logout); it stays refused until it would have expired anyway. */
  async revoke(claims: Pick<TokenClaims, 'username' | 'jti' | 'exp'>): Promise<void> {
    if (!claims.jti) return;
    await this.db.query(`INSERT INTO revoked_token (jti, username, expires_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT (jti) DO NOTHING`, [claims.jti, claims.username, claims.exp]);
    this.revoked.set(claims.jti, claims.exp * 1000);
    await this.announce();
  }

  /** Every token of the user issued before now stops working (password change, ended sessions). */
  async endSessions(username: string): Promise<number> {
    const [row] = await this.db.query<{ token_generation: number }>(
      `UPDATE app_user SET token_generation = token_generation + 1, sessions_ended_at = clock_timestamp() WHERE username = $1 RETURNING token_generation`,
      [username],
    );
    if (row) this.generations.set(username, row.token_generation);
    if (row) await this.announce();
    return row?.token_generation ?? 0;
  }

  /** Other nodes read the lists now instead of at their next poll. */
  private async announce(): Promise<void> {
    await this.db.notify(SESSIONS_CHANNEL).catch((error: Error) => this.options.log?.(`token revocations: announcing failed (${error.message}); other nodes learn at their next read`));
  }

  /** Reads what changed since the last read (everything, the first time). */
  async refresh(now = Date.now()): Promise<void> {
    const since = this.since ? new Date(this.since.getTime() - 10_000) : new Date(0);
    const [tokens, users, [{ at }]] = await Promise.all([
      this.db.query<{ jti: string; expires_at: Date }>(`SELECT jti, expires_at FROM revoked_token WHERE revoked_at > $1 AND expires_at > now()`, [since]),
      this.db.query<{ username: string; token_generation: number }>(`SELECT username, token_generation FROM app_user WHERE sessions_ended_at > $1`, [since]),
      this.db.query<{ at: Date }>(`SELECT now() AS at`),
    ]);
    for (const t of tokens) this.revoked.set(t.jti, new Date(t.expires_at).getTime());
    for (const u of users) this.generations.set(u.username, Math.max(u.token_generation, this.generations.get(u.username) ?? 0));
    for (const [jti, expires] of this.revoked) if (expires <= now) this.revoked.delete(jti);
    this.since = at;
  }

  /** Loads the lists, then keeps them fresh in the background. */
  async start(): Promise<void> {
    await this.refresh().catch(() => undefined); // the loop reads again until the database answers
    this.loop.start();
    this.options.notifications?.start();
  }

  async stop(): Promise<void> {
    await this.options.notifications?.stop();
    await this.loop.stop();
  }

  /** Rows of tokens that expired anyway are of no use: removed (the job executor's sweep). */
  static async forgetExpired(db: Database): Promise<number> {
    return (await db.query(`DELETE FROM revoked_token WHERE expires_at < now() RETURNING 1`)).length;
  }
}
