/**
 * How failed sign-ins slow a client down. Three counters, each forgetting after a quiet window:
 *
 * - the (username, address) pair: the client that keeps guessing one account waits longer and
 *   longer — 1 s after its 4th failure, then 2, 4, 8 … up to 15 minutes;
 * - the address: one machine guessing many accounts, with room for a desk where many officers
 *   share one address;
 * - the username alone, over all addresses: a distributed attack on one account. It slows only
 *   clients that have themselves failed on this account — so nobody can lock an officer out by
 *   failing on purpose: the officer's own browser, which has not failed, still gets in at once.
 */
export interface ThrottlePolicy {
  /** Failures forgotten after this long without a new one. */
  windowMs: number;
  maxDelayMs: number;
  freePerPair: number;
  freePerAddress: number;
  freePerUser: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxDelayMs: 15 * 60_000,
  freePerPair: 3,
  freePerAddress: 20,
  freePerUser: 10,
};

export type CounterKind = 'pair' | 'address' | 'user';

export interface Counter {
  kind: CounterKind;
  failures: number;
  lastFailureAt: Date;
}

export const counterKey = (kind: CounterKind, username: string, address: string): string =>
  kind === 'pair' ? `pair:${username}|${address}` : kind === 'address' ? `ip:${address}` : `user:${username}`;

/** After `failures` failures, how long the counter holds the next attempt back (0: not at all). */
export function delayAfter(failures: number, free: number, policy: ThrottlePolicy): number {
  if (failures <= free) return 0;
  return Math.min(policy.maxDelayMs, 1_000 * 2 ** Math.min(30, failures - free - 1));
}

/** The failures a counter still holds at `now` (none once the window has passed since the last). */
export function liveFailures(counter: Counter | undefined, now: Date, policy: ThrottlePolicy): number {
  if (!counter || now.getTime() - counter.lastFailureAt.getTime() > policy.windowMs) return 0;
  return counter.failures;
}

/**
 * How long this client must wait before its next attempt, from the counters that apply to it:
 * the wait of each counter runs from its last failure. The username's own counter applies only
 * to a client that has failed on this account itself.
 */
export function waitBeforeAttempt(counters: Partial<Record<CounterKind, Counter>>, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY): number {
  const remaining = (kind: CounterKind, free: number) => {
    const counter = counters[kind];
    const failures = liveFailures(counter, now, policy);
    if (!counter || failures === 0) return 0;
    return Math.max(0, counter.lastFailureAt.getTime() + delayAfter(failures, free, policy) - now.getTime());
  };
  const pairFailures = liveFailures(counters.pair, now, policy);
  return Math.max(
    remaining('pair', policy.freePerPair),
    remaining('address', policy.freePerAddress),
    pairFailures > 0 ? remaining('user', policy.freePerUser) : 0,
  );
}
