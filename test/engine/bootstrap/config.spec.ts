import { readConfig } from '../../../apps/engine/src/bootstrap/config.js';

describe('configuration from the environment', () => {
  it('given nothing set, then a node keeps up to 10,000 active instances between commands', () => {
    expect(readConfig({}, '/srv/onedoor').instanceCacheSize).toBe(10_000);
  });

  it('given ONEDOOR_INSTANCE_CACHE=0 (requests spread over nodes), then the cache is off', () => {
    expect(readConfig({ ONEDOOR_INSTANCE_CACHE: '0' }, '/srv/onedoor').instanceCacheSize).toBe(0);
  });

  it('given a value that is not a whole number, then the default holds rather than an unbounded cache', () => {
    for (const value of ['nhiều', '-5', '2.5', ' ']) expect(readConfig({ ONEDOOR_INSTANCE_CACHE: value }, '/srv/onedoor').instanceCacheSize).toBe(10_000);
  });

  it('given nothing set, then the HTTP server listens on every interface; HOST narrows it', () => {
    expect(readConfig({}, '/srv/onedoor').host).toBe('0.0.0.0');
    expect(readConfig({ HOST: '127.0.0.1' }, '/srv/onedoor').host).toBe('127.0.0.1');
  });

  it('given nothing set, then a job stays locked to its node for 60 s and a SIGTERM drains for at most 25 s', () => {
    expect(readConfig({}, '/srv/onedoor')).toMatchObject({ jobLockMs: 60_000, shutdownTimeoutMs: 25_000 });
    expect(readConfig({ ONEDOOR_JOB_LOCK_MS: '5000', ONEDOOR_SHUTDOWN_TIMEOUT_MS: '3000' }, '/srv/onedoor')).toMatchObject({ jobLockMs: 5_000, shutdownTimeoutMs: 3_000 });
  });

  it('given nothing set, then a node runs 8 jobs at once; ONEDOOR_JOB_CONCURRENCY sets it, never below one', () => {
    expect(readConfig({}, '/srv/onedoor').jobConcurrency).toBe(8);
    expect(readConfig({ ONEDOOR_JOB_CONCURRENCY: '4' }, '/srv/onedoor').jobConcurrency).toBe(4);
    expect(readConfig({ ONEDOOR_JOB_CONCURRENCY: '0' }, '/srv/onedoor').jobConcurrency).toBe(1);
    expect(readConfig({ ONEDOOR_JOB_CONCURRENCY: 'many' }, '/srv/onedoor').jobConcurrency).toBe(8);
  });
});
