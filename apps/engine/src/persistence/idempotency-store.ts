import type { Sql } from './database.js';

export type IdempotencyClaim = { status: 'claimed' } | { status: 'answered'; result: unknown } | { status: 'other-request' };

/**
 * Idempotency keys (migration 1764100016000): one row per (user, key), claimed inside the
 * command's transaction before the command runs and given the command's answer before commit.
 */
export class IdempotencyStore {
  constructor(private readonly sql: Sql) {}

  /**
   * Claims the key for this request. A concurrent request with the same key waits on the row
   * until the first one commits or rolls back; then it finds the stored answer, or claims the
   * key itself.
   */
  async claim(username: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> {
    const [claimed] = await this.sql.query<{ claimed: boolean }>(
      `INSERT INTO idempotency_key (username, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username, key) DO NOTHING RETURNING true AS claimed`,
      [username, key, requestHash, now],
    );
    if (claimed) return { status: 'claimed' };
    const [stored] = await this.sql.query<{ request_hash: string; result: unknown }>(
      `SELECT request_hash, result FROM idempotency_key WHERE username = $1 AND key = $2`,
      [username, key],
    );
    if (!stored) return { status: 'claimed' };
    return stored.request_hash === requestHash ? { status: 'answered', result: stored.result } : { status: 'other-request' };
  }

  async answer(username: string, key: string, result: unknown): Promise<void> {
    await this.sql.execute(`UPDATE idempotency_key SET result = $3 WHERE username = $1 AND key = $2`, [username, key, JSON.stringify(result ?? null)]);
  }

  /** Keys older than the retention are forgotten (a sweep of the job executor). */
  static forgetOlderThan(sql: Pick<Sql, 'query'>, before: Date): Promise<unknown[]> {
    return sql.query(`DELETE FROM idempotency_key WHERE created_at < $1 RETURNING 1`, [before]);
  }
}
