import type { Database } from '../database.js';
import { counterKey, DEFAULT_THROTTLE_POLICY, liveFailures, waitBeforeAttempt, type Counter, type CounterKind, type ThrottlePolicy } from '../../identity/login-policy.js';

const KINDS: CounterKind[] = ['pair', 'address', 'user'];

/**
 * Failed sign-ins counted in PostgreSQL (login_throttle), so every engine node sees the same
 * counts and a restart forgets nothing; what the counts mean is login-policy.ts.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Milliseconds this client must wait before trying this account again (0: go ahead). */
  async waitFor(username: string, address: string): Promise<number> {
    return waitBeforeAttempt(await this.counters(username, address), this.now(), this.policy);
  }

  /** Counts a failure against the pair, the address and the username. */
  async failed(username: string, address: string): Promise<void> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    await this.db.query(
      `INSERT INTO login_throttle (key, failures, last_failure_at)
       SELECT k, 1, $2 FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE
         SET failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
             last_failure_at = excluded.last_failure_at`,
      [KINDS.map((kind) => counterKey(kind, username, address)), now, windowStart],
    );
  }

  /** The right password from this client: its own failures on this account are forgiven. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [counterKey('pair', username, address)]);
  }

  /** How many failures the username has collected recently, from every address (for the audit). */
  async recentFailures(username: string, address: string): Promise<Partial<Record<CounterKind, number>>> {
    const counters = await this.counters(username, address);
    return Object.fromEntries(KINDS.map((kind) => [kind, liveFailures(counters[kind], this.now(), this.policy)]));
  }

  private async counters(username: string, address: string): Promise<Partial<Record<CounterKind, Counter>>> {
    const keys = KINDS.map((kind) => counterKey(kind, username, address));
    const rows = await this.db.query<{ key: string; failures: number; last_failure_at: Date }>(
      `SELECT key, failures, last_failure_at FROM login_throttle WHERE key = ANY($1::text[])`,
      [keys],
    );
    const counters: Partial<Record<CounterKind, Counter>> = {};
    for (const row of rows) {
      const kind = KINDS[keys.indexOf(row.key)];
      counters[kind] = { kind, failures: row.failures, lastFailureAt: new Date(row.last_failure_at) };
    }
    return counters;
  }

  /** Counters quiet for a day are of no use any more (the job executor's housekeeping). */
  static async forgetQuiet(db: Database): Promise<number> {
    return (await db.query(`DELETE FROM login_throttle WHERE last_failure_at < now() - interval '1 day' RETURNING 1`)).length;
  }
}
