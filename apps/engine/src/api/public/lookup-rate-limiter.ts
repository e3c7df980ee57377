import { DomainError, ErrorCode } from '../../shared/domain-error.js';

/**
 * Public lookups per client address in a sliding window (default 30 per 5 minutes), so the
 * code + phone pair can't be guessed at speed. In memory, per engine node: with N nodes a client
 * gets at most N× the budget, still far too slow for guessing phone numbers.
 */
export class LookupRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    readonly limit = 30,
    readonly windowMs = 5 * 60_000,
    /** Bound on remembered addresses, so a flood of spoofed ones can't exhaust memory. */
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Counts a request by `key`, refusing it when the budget is spent: 429 in the API error shape,
   * `retryAfter` in seconds ("too many {what}; try again in N s").
   */
  takeOrRefuse(key: string, what: string): void {
    const wait = this.take(key);
    if (wait <= 0) return;
    const seconds = String(Math.max(1, Math.ceil(wait / 1000)));
    throw new DomainError(ErrorCode.RateLimited, `too many ${what}; try again in ${seconds} s`, [{ field: 'retryAfter', message: seconds }]);
  }

  /** Counts a lookup by `key`: 0 when allowed, else milliseconds until the next one is. */
  take(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return recent[0] + this.windowMs - now;
    }
    recent.push(now);
    this.hits.delete(key); // re-insert: the map stays ordered by last use, oldest first
    this.hits.set(key, recent);
    if (++this.calls % 1000 === 0 || this.hits.size > this.maxKeys) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.at(-1)! <= now - this.windowMs) this.hits.delete(key);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
