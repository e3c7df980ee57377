import { LookupRateLimiter } from '../../../apps/engine/src/api/public/lookup-rate-limiter.js';
import { phoneMatches } from '../../../apps/engine/src/api/public/phone-match.js';

describe('the public lookup budget and phone check', () => {
  it('given 30 lookups in 5 minutes from one address, then the 31st waits until the oldest leaves the window', () => {
    const limiter = new LookupRateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 30; i++) expect(limiter.take('ip:a', t0 + i * 1000)).toBe(0);
    expect(limiter.take('ip:a', t0 + 40_000)).toBe(5 * 60_000 - 40_000);
    expect(limiter.take('ip:b', t0 + 40_000)).toBe(0);
    expect(limiter.take('ip:a', t0 + 5 * 60_000 + 1)).toBe(0);
  });

  it('given a flood of distinct addresses, then memory stays bounded', () => {
    const limiter = new LookupRateLimiter(30, 60_000, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`ip:${i}`, 1000);
    expect((limiter as unknown as { hits: Map<string, number[]> }).hits.size).toBeLessThanOrEqual(100);
  });

  it('given phone numbers written differently, then the same number matches and others do not', () => {
    expect(phoneMatches('0912345678', '0912 345 678')).toBe(true);
    expect(phoneMatches('+84 912.345.678', '0912345678')).toBe(true);
    expect(phoneMatches('0084912345678', '0912345678')).toBe(true);
    expect(phoneMatches('0912345679', '0912345678')).toBe(false);
    expect(phoneMatches(undefined, '0912345678')).toBe(false);
    expect(phoneMatches('', '')).toBe(false);
    expect(phoneMatches('0912345678', null)).toBe(false);
    expect(phoneMatches('12', '12')).toBe(false);
  });
});
