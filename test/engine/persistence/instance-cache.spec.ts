import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../apps/engine/src/commands/command.js';
import { ClaimTask } from '../../../apps/engine/src/commands/claim-task.js';
import { CompleteTask } from '../../../apps/engine/src/commands/complete-task.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { InstanceCache } from '../../../apps/engine/src/persistence/instance-cache.js';
import { InstanceStore } from '../../../apps/engine/src/persistence/instance-store.js';
import type { LoadedInstance } from '../../../apps/engine/src/runtime/instance-state.js';
import { DomainError, ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { exchangesDuring } from '../../support/exchanges.js';
import { EngineHarness } from '../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const minh: Actor = { username: 'minh', departmentCode: 'MC', roles: ['officer'] };
const lan: Actor = { username: 'lan', departmentCode: 'MC', roles: ['officer'] };

/**
 * A node keeps the rows of the instances its commands just committed, so the next command on one
 * of them is a single round trip — and a guard on the instance's revision makes sure it never
 * acts on rows someone else has changed since.
 */
describe('instance cache (one round trip per command, guarded by the revision)', () => {
  let h: EngineHarness;
  let nodeB: Engine;

  beforeAll(async () => {
    h = await EngineHarness.create();
    nodeB = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, nodeId: 'node-b' });
    await h.deploy(here, 'three-steps.bpmn');
  });
  afterAll(async () => {
    await nodeB.jobs.stop();
    await h.close();
  });

  const openTask = async (instanceId: string) => (await h.openTasks(instanceId))[0];
  const completions = async (instanceId: string, elementId: string) =>
    (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM hist_task_instance WHERE instance_id = $1 AND element_id = $2 AND outcome = 'completed'`, [instanceId, elementId]))[0].n as number;

  it('given an instance this node just moved, when its next task is completed, then the command is one exchange and leaves what a fresh read sees', async () => {
    const started = await h.start('three-steps', { amount: 1 });
    const { openedTaskIds } = await h.engine.execute(new CompleteTask((await openTask(started.id)).id, { amount: 2 }), minh);

    const exchanges = await exchangesDuring(() => h.engine.execute(new CompleteTask(openedTaskIds[0], { amount: 3 }), minh));

    expect(exchanges).toHaveLength(1);
    expect(exchanges[0][0]).toBe('BEGIN');
    expect(exchanges[0].at(-1)).toBe('COMMIT');
    // Node B has never held this instance: it reads it from the database.
    const fresh = await nodeB.instances.get(started.id);
    expect(fresh.activeActivityIds).toEqual(['sign']);
    expect(fresh.variables).toEqual({ amount: 3 });
    expect(await completions(started.id, 'appraise')).toBe(1);
  });

  it('given another node completed the task since, when this node completes it from its cached rows, then the database refuses them and the answer is 409 — the step is done once', async () => {
    const started = await h.start('three-steps');
    const { openedTaskIds } = await h.engine.execute(new CompleteTask((await openTask(started.id)).id), minh);
    await nodeB.execute(new CompleteTask(openedTaskIds[0]), lan);

    const again = h.engine.execute(new CompleteTask(openedTaskIds[0]), minh);

    await expect(again).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await completions(started.id, 'appraise')).toBe(1);
    expect((await h.instance(started.id)).activeActivityIds).toEqual(['sign']);
  });

  it('given another node claimed the task since, when this node completes it for someone else, then it sees the claim (403), not the cached unclaimed task', async () => {
    const started = await h.start('three-steps');
    const { openedTaskIds } = await h.engine.execute(new CompleteTask((await openTask(started.id)).id), minh);
    await nodeB.execute(new ClaimTask(openedTaskIds[0]), lan);

    const attempt = h.engine.execute(new CompleteTask(openedTaskIds[0]), minh);

    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect((await openTask(started.id)).assignee).toBe('lan');
    // The refused command taught the cache nothing; lan's completion reads the instance afresh.
    const exchanges = await exchangesDuring(() => h.engine.execute(new CompleteTask(openedTaskIds[0]), lan));
    expect(exchanges).toHaveLength(2);
    expect((await h.instance(started.id)).activeActivityIds).toEqual(['sign']);
  });

  it('given a command that fails before commit, then the cache does not keep its changes', async () => {
    const started = await h.start('three-steps');
    const { openedTaskIds } = await h.engine.execute(new CompleteTask((await openTask(started.id)).id), minh);
    let failOnce = true;
    h.engine.onTransaction(async () => {
      if (failOnce) {
        failOnce = false;
        throw new Error('listener failed');
      }
    });

    await expect(h.engine.execute(new CompleteTask(openedTaskIds[0], { note: 'lost' }), minh)).rejects.toThrow('listener failed');
    await h.engine.execute(new CompleteTask(openedTaskIds[0], { note: 'kept' }), minh);

    expect(await completions(started.id, 'appraise')).toBe(1);
    const instance = await h.instance(started.id);
    expect(instance.activeActivityIds).toEqual(['sign']);
    expect(instance.variables).toEqual({ note: 'kept' });
  });

  it('given a write to an instance outside the runtime (touch), then this node forgets it and the revision moves on for every other node', async () => {
    const started = await h.start('three-steps');
    await h.engine.execute(new CompleteTask((await openTask(started.id)).id), minh);
    const revision = async () => (await h.db.dataSource.query(`SELECT revision FROM process_instance WHERE id = $1`, [started.id]))[0].revision as number;
    const before = await revision();
    const cache = h.engine.services.instanceCache!;
    const held = cache.take(started.id)!;
    expect(held.instance.revision).toBe(before);
    cache.remember(held);

    await h.engine.db.transaction((sql) => new InstanceStore(sql, cache).touch(started.id));

    expect(cache.has(started.id)).toBe(false);
    expect(await revision()).toBe(before + 1);
  });
});

describe('instance cache under a race between two nodes', () => {
  it('given two nodes that both hold every instance and complete each open task at the same moment, then each step is done exactly once and every loser gets a 409', async () => {
    const h = await EngineHarness.create();
    const nodeB = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, nodeId: 'node-b' });
    try {
      await h.deploy(here, 'three-steps.bpmn');
      const instances = await Promise.all(Array.from({ length: 12 }, () => h.start('three-steps')));
      const refused: string[] = [];
      for (let step = 0; step < 3; step++) {
        const open = (await Promise.all(instances.map((i) => h.openTasks(i.id)))).flat();
        await Promise.all(
          open.flatMap((task) =>
            [h.engine, nodeB].map((node) =>
              node.execute(new CompleteTask(task.id), minh).catch((error: unknown) => {
                if (!(error instanceof DomainError)) throw error;
                refused.push(error.code);
              }),
            ),
          ),
        );
      }
      const [counts] = await h.db.dataSource.query(
        `SELECT (SELECT count(*) FROM hist_task_instance WHERE outcome = 'completed')::int AS completed,
                (SELECT count(*) FROM (SELECT instance_id, element_id FROM hist_task_instance GROUP BY 1, 2 HAVING count(*) > 1) d)::int AS duplicated,
                (SELECT count(*) FROM process_instance WHERE state = 'completed')::int AS finished,
                (SELECT count(*) FROM task)::int AS open`,
      );
      expect(counts).toEqual({ completed: 36, duplicated: 0, finished: 12, open: 0 });
      expect(refused).toEqual(Array.from({ length: 36 }, () => ErrorCode.Conflict));
    } finally {
      await nodeB.jobs.stop();
      await h.close();
    }
  });
});

describe('InstanceCache', () => {
  const rows = (id: string, state: 'active' | 'completed' = 'active', taskIds: string[] = []): LoadedInstance => ({
    instance: { id, definitionId: 'd:1', definitionKey: 'd', businessKey: null, state, parentInstanceId: null, parentExecutionId: null, rootInstanceId: id, startedAt: new Date(0), endedAt: null, startedBy: null, revision: 1 },
    executions: [],
    tasks: taskIds.map((taskId) => ({ id: taskId, instanceId: id, executionId: id, elementId: 'e', name: null, kind: 'user', definitionId: 'd:1', definitionKey: 'd', businessKey: null, departmentCode: 'MC', role: null, assignee: null, createdAt: new Date(0), dueAt: null, activityInstanceId: 'a', revision: 0, suspended: false })),
    jobs: [],
    subscriptions: [],
    variables: { list: [1, 2] },
  });

  it('given more instances than it holds, then the least recently used leave first, with their tasks', () => {
    const cache = new InstanceCache(2);
    cache.remember(rows('a', 'active', ['ta']));
    cache.remember(rows('b'));
    cache.remember(cache.take('a')!); // a command on a committed again
    cache.remember(rows('c'));
    expect(cache.size).toBe(2);
    expect(cache.has('b')).toBe(false);
    expect(cache.takeByTask('ta')?.instance.id).toBe('a');
  });

  it('given an ended instance, then it is not kept', () => {
    const cache = new InstanceCache();
    cache.remember(rows('a', 'active', ['ta']));
    cache.remember(rows('a', 'completed'));
    expect(cache.take('a')).toBeUndefined();
    expect(cache.takeByTask('ta')).toBeUndefined();
  });

  it('given rows taken by a command, then no other command gets them (it reads under lock) until rows are remembered again', () => {
    const cache = new InstanceCache();
    cache.remember(rows('a', 'active', ['ta']));
    const taken = cache.take('a')!;
    (taken.variables.list as number[]).push(3);

    expect(cache.take('a')).toBeUndefined();
    expect(cache.takeByTask('ta')).toBeUndefined();

    cache.remember(taken);
    expect(cache.take('a')!.variables).toEqual({ list: [1, 2, 3] });
  });

  it('given no room at all, then nothing is kept (every command reads under lock)', () => {
    const cache = new InstanceCache(0);
    cache.remember(rows('a'));
    expect(cache.size).toBe(0);
  });
});
