/**
 * Limits failed logins per username and per client address in a sliding window, so passwords
 * can't be guessed at speed. Keys are `user:…` (5 failures) and `ip:…` (50: a one-stop desk's
 * officers often share one address). Per engine node: with N nodes an attacker gets at most N×
 * the budget, still far too slow for guessing.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxFailuresPerAddress = 50,
  ) {}

  private limitFor(key: string): number {
    return key.startsWith('ip:') ? this.maxFailuresPerAddress : this.maxFailures;
  }

  /** Milliseconds until another attempt is allowed (0 = allowed now). */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limitFor(key)) wait = Math.max(wait, recent[0] + this.windowMs - now);
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
