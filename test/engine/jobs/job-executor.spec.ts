import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../../apps/engine/src/engine.js';
import { SYSTEM_ACTOR } from '../../../apps/engine/src/commands/command.js';
import { StartInstance } from '../../../apps/engine/src/commands/start-instance.js';
import type { ServiceHandler } from '../../../apps/engine/src/runtime/ports.js';
import { EngineHarness, HOUR } from '../support/engine-harness.js';
import { createDataSource } from '../../../apps/engine/src/persistence/data-source.js';
import { TcpProxy } from '../../support/tcp-proxy.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('job executor', () => {
  it('given 200 due timers and two engine nodes polling one database, then every timer fires exactly once', async () => {
    let firings = 0;
    const handlers = new Map<string, ServiceHandler>([['count-firing', () => { firings += 1; }]]);
    const h = await EngineHarness.create({ handlers });
    const second = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, handlers, nodeId: 'node-2', jobPollIntervalMs: 5 });
    try {
      await h.deploy(here, 'timer-wait.bpmn');
      for (let i = 0; i < 200; i++) await h.engine.execute(new StartInstance({ key: 'timer-wait' }), SYSTEM_ACTOR);
      h.clock.advance(2 * HOUR);
      // Both nodes poll at the same time, in batches, until nothing is due.
      const first = (h.engine as unknown as { jobs: { pollOnce(): Promise<number> } }).jobs;
      const drain = async (node: { pollOnce(): Promise<number> }) => {
        let total = 0;
        for (let n = await node.pollOnce(); n > 0; n = await node.pollOnce()) total += n;
        return total;
      };
      const [a, b] = await Promise.all([drain(first), drain(second.jobs)]);
      expect(a + b).toBe(200);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(firings).toBe(200);
      const [counts] = await h.db.dataSource.query(
        `SELECT (SELECT count(*) FROM hist_activity_instance WHERE activity_id = 'wait' AND state = 'completed')::int AS fired,
                (SELECT count(*) FROM process_instance WHERE state = 'completed')::int AS completed,
                (SELECT count(*) FROM job)::int AS jobs`,
      );
      expect(counts).toEqual({ fired: 200, completed: 200, jobs: 0 });
    } finally {
      await second.jobs.stop();
      await h.close();
    }
  });

  it('given a job that keeps failing, then it is retried with back-off and becomes an incident without blocking others', async () => {
    let fail = true;
    const handlers = new Map<string, ServiceHandler>([['count-firing', () => { if (fail) throw new Error('national portal unreachable'); }]]);
    const h = await EngineHarness.create({ handlers });
    try {
      await h.deploy(here, 'timer-wait.bpmn');
      const broken = await h.start('timer-wait');
      h.clock.advance(2 * HOUR);
      expect(await h.engine.jobs.pollOnce()).toBe(1);
      const [afterOne] = await h.db.dataSource.query(`SELECT retries, last_error, due_at > $1 AS later FROM job WHERE instance_id = $2`, [h.clock.now(), broken.id]);
      expect(afterOne).toEqual({ retries: 2, last_error: 'national portal unreachable', later: true });
      await h.advance(HOUR);
      await h.advance(HOUR);
      const incidents = await h.engine.db.query<{ instance_id: string; message: string }>(`SELECT instance_id, message FROM incident`);
      expect(incidents).toEqual([{ instance_id: broken.id, message: 'national portal unreachable' }]);
      expect((await h.instance(broken.id)).incidents).toHaveLength(1);
      fail = false;
      const healthy = await h.start('timer-wait');
      await h.advance(2 * HOUR);
      expect((await h.instance(healthy.id)).state).toBe('completed');
      expect((await h.instance(broken.id)).state).toBe('active');
    } finally {
      await h.close();
    }
  });

  it('given a node stopping while it holds a batch, then jobs in hand finish, the others are unlocked at once, and another node runs each remaining timer once', async () => {
    let firings = 0;
    const handlers = new Map<string, ServiceHandler>([['count-firing', () => {
      firings += 1;
      for (const until = Date.now() + 15; Date.now() < until; ); // a handler that takes its time
    }]]);
    const h = await EngineHarness.create({ handlers });
    const second = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, handlers, nodeId: 'node-2' });
    try {
      await h.deploy(here, 'timer-wait.bpmn');
      for (let i = 0; i < 40; i++) await h.start('timer-wait');
      h.clock.advance(2 * HOUR);
      h.engine.jobs.start();
      while (firings === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await h.engine.jobs.stop();
      const firedBeforeStop = firings;
      const [left] = await h.db.dataSource.query(`SELECT count(*)::int AS jobs, count(lock_owner)::int AS locked FROM job`);
      expect(firedBeforeStop).toBeLessThan(40);
      expect(left).toEqual({ jobs: 40 - firedBeforeStop, locked: 0 });
      for (let n = await second.jobs.pollOnce(); n > 0; n = await second.jobs.pollOnce());
      expect(firings).toBe(40);
      const [counts] = await h.db.dataSource.query(`SELECT (SELECT count(*) FROM hist_activity_instance WHERE activity_id = 'check')::int AS checks, (SELECT count(*) FROM job)::int AS jobs`);
      expect(counts).toEqual({ checks: 40, jobs: 0 });
    } finally {
      await second.jobs.stop();
      await h.close();
    }
  });

  it('given the database goes away while a node runs jobs, then no job loses a retry or becomes an incident, and they run once it returns', async () => {
    let firings = 0;
    const handlers = new Map<string, ServiceHandler>([['count-firing', () => void (firings += 1)]]);
    const h = await EngineHarness.create({ handlers });
    const proxy = await TcpProxy.to(h.db.url);
    const viaProxy = createDataSource(proxy.url(h.db.url), { poolSize: 4, connectTimeoutMs: 500 });
    await viaProxy.initialize();
    const log: string[] = [];
    const node = new Engine({ dataSource: viaProxy, clock: h.clock, handlers, nodeId: 'node-behind-proxy', jobPollIntervalMs: 20, log: (m) => log.push(m) });
    try {
      await h.deploy(here, 'timer-wait.bpmn');
      for (let i = 0; i < 10; i++) await h.start('timer-wait');
      h.clock.advance(2 * HOUR);
      await proxy.cut();
      node.jobs.start();
      while (node.jobs.state !== 'paused') await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [during] = await h.db.dataSource.query(`SELECT count(*)::int AS jobs, min(retries)::int AS retries, (SELECT count(*) FROM incident)::int AS incidents FROM job`);
      expect(during).toEqual({ jobs: 10, retries: 3, incidents: 0 });
      await proxy.restore();
      while (firings < 10 || (node.jobs.state as string) !== 'running') await new Promise((resolve) => setTimeout(resolve, 10));
      expect(log.filter((m) => /paused/.test(m))).toHaveLength(1);
      expect(log.filter((m) => /resumed/.test(m))).toHaveLength(1);
      const [after] = await h.db.dataSource.query(`SELECT (SELECT count(*) FROM job)::int AS jobs, (SELECT count(*) FROM incident)::int AS incidents`);
      expect(after).toEqual({ jobs: 0, incidents: 0 });
    } finally {
      await node.jobs.stop();
      await viaProxy.destroy();
      await proxy.close();
      await h.close();
    }
  });

  it('given a node killed while it held jobs, then another node takes them once their lock expires, and runs each once', async () => {
    let firings = 0;
    const handlers = new Map<string, ServiceHandler>([['count-firing', () => void (firings += 1)]]);
    const h = await EngineHarness.create({ handlers });
    const survivor = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, handlers, nodeId: 'survivor' });
    try {
      await h.deploy(here, 'timer-wait.bpmn');
      for (let i = 0; i < 5; i++) await h.start('timer-wait');
      h.clock.advance(2 * HOUR);
      // What a node killed right after taking its batch leaves behind: locks nobody will release.
      await h.db.dataSource.query(`UPDATE job SET lock_owner = 'killed-node', lock_expires_at = now() + interval '1 second'`);
      expect(await survivor.jobs.pollOnce()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await survivor.jobs.pollOnce()).toBe(5);
      expect(firings).toBe(5);
      const [{ jobs }] = await h.db.dataSource.query(`SELECT count(*)::int AS jobs FROM job`);
      expect(jobs).toBe(0);
    } finally {
      await survivor.jobs.stop();
      await h.close();
    }
  });
});
