import { PollLoop } from '../../../apps/engine/src/jobs/poll-loop.js';
import { databaseUnavailable } from '../../../apps/engine/src/persistence/database-outage.js';

const until = async (check: () => boolean, ms = 3_000) => {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > ms) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The loop under the job executor, the outboxes and the revocations: rounds, pauses for outages, never dies. */
describe('poll loop', () => {
  it('given rounds that find full batches, then the next round runs at once; otherwise after the interval', async () => {
    const at: number[] = [];
    const loop = new PollLoop(async () => {
      at.push(Date.now());
      return { full: at.length < 3 };
    }, { name: 't', intervalMs: 200 });
    loop.start();
    await until(() => at.length >= 4);
    await loop.stop();
    expect(at[2] - at[0]).toBeLessThan(100);
    expect(at[3] - at[2]).toBeGreaterThanOrEqual(190);
  });

  it('given the database goes away, then the loop pauses with back-off, logs once, and resumes by itself when it returns', async () => {
    const log: string[] = [];
    let away = true;
    let rounds = 0;
    let recovered = 0;
    const loop = new PollLoop(async () => {
      rounds += 1;
      if (away) throw databaseUnavailable(new Error('connect ECONNREFUSED'));
      return { full: false };
    }, { name: 'jobs', intervalMs: 10, outageBackoffMs: 20, maxBackoffMs: 80, log: (m) => log.push(m), onRecovered: async () => void (recovered += 1) });
    loop.start();
    await until(() => rounds >= 5);
    expect(loop.state).toBe('paused');
    expect(loop.paused).toMatchObject({ since: expect.any(Date) });
    expect(log.filter((m) => /paused/.test(m))).toHaveLength(1);
    away = false;
    await until(() => loop.state === 'running');
    await loop.stop();
    expect(recovered).toBe(1);
    expect(log.filter((m) => /resumed/.test(m))).toHaveLength(1);
    expect(loop.state).toBe('stopped');
  });

  it('given a round that fails for another reason, then it is logged and the loop carries on at its interval', async () => {
    const log: string[] = [];
    let rounds = 0;
    const loop = new PollLoop(async () => {
      rounds += 1;
      if (rounds === 1) throw new Error('bug in a sweep');
      return { full: false };
    }, { name: 'jobs', intervalMs: 10, log: (m) => log.push(m) });
    loop.start();
    await until(() => rounds >= 3);
    await loop.stop();
    expect(log).toEqual(['jobs: bug in a sweep']);
  });

  it('given a round in progress, when the loop stops, then stop waits for that round and no other starts', async () => {
    let rounds = 0;
    let finished = false;
    const loop = new PollLoop(async () => {
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = true;
      return { full: true };
    }, { name: 't', intervalMs: 10 });
    loop.start();
    await until(() => rounds === 1);
    await loop.stop();
    expect(finished).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds).toBe(1);
  });

  it('given a queue taken in batches, then a round that took a whole batch is full and the next one runs at once', async () => {
    const taken = [5, 5, 2, 0];
    const at: number[] = [];
    const loop = new PollLoop(PollLoop.batches(async () => (at.push(Date.now()), taken.shift() ?? 0), 5), { name: 'outbox', intervalMs: 200 });
    loop.start();
    await until(() => at.length >= 4);
    await loop.stop();
    expect(at[2] - at[0]).toBeLessThan(100);
    expect(at[3] - at[2]).toBeGreaterThanOrEqual(190);
  });

  it('given a NOTIFY channel to wake on, when another node notifies, then a round runs before the interval is up', async () => {
    const listeners = new Map<string, () => void>();
    const notifications = { subscribe: (channel: string, listener: () => void) => void listeners.set(channel, listener) };
    let rounds = 0;
    const loop = new PollLoop(async () => ({ full: (rounds += 1) < 0 }), { name: 'revocations', intervalMs: 60_000, wakeOn: { notifications, channel: 'onedoor_sessions' } });
    loop.start();
    await until(() => rounds === 1);
    listeners.get('onedoor_sessions')!();
    await until(() => rounds === 2, 1_000);
    await loop.stop();
  });

  it('given a loop paused by an outage, when the database answers someone else, then the loop tries again without waiting out its back-off', async () => {
    let reachable: (() => void) | undefined;
    const database = { onReachable: (listener: () => void) => void (reachable = listener) };
    let away = true;
    let rounds = 0;
    const loop = new PollLoop(async () => {
      rounds += 1;
      if (away) throw databaseUnavailable(new Error('connect ECONNREFUSED'));
      return { full: false };
    }, { name: 'jobs', intervalMs: 60_000, outageBackoffMs: 60_000, maxBackoffMs: 60_000, database });
    loop.start();
    await until(() => loop.state === 'paused');
    away = false;
    reachable!();
    await until(() => loop.state === 'running', 1_000);
    await loop.stop();
    expect(rounds).toBe(2);
  });
});
