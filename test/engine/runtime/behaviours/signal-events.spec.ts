import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Engine } from '../../../../apps/engine/src/engine.js';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('signal events', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'signal-events.bpmn');
  });
  afterEach(() => h.close());

  const instancesOf = async (key: string) =>
    h.db.dataSource.query(`SELECT id, state FROM process_instance WHERE definition_key = $1 ORDER BY started_at`, [key]) as Promise<{ id: string; state: string }[]>;

  it('given instances waiting at a signal catch, when the signal is broadcast, then each moves on once and the count says how many received it', async () => {
    const a = await h.start('waits-for-rule');
    const b = await h.start('waits-for-rule');
    const result = await h.signal('quy-dinh-moi', { hieuLuc: '2027-01-01' });
    // two catches + the start event of started-by-rule
    expect(result).toEqual({ delivered: 3 });
    for (const { id } of [a, b]) {
      expect(await h.activeIds(id)).toEqual(['w-apply']);
      expect((await h.instance(id)).variables.hieuLuc).toBe('2027-01-01');
    }
    expect(await instancesOf('started-by-rule')).toEqual([expect.objectContaining({ state: 'active' })]);
    // the subscriptions are gone: a second broadcast reaches only the start event
    expect(await h.signal('quy-dinh-moi')).toEqual({ delivered: 1 });
    expect((await h.completedActivities(a.id)).filter((x) => x === 'w-catch')).toHaveLength(1);
  });

  it('given a step with an interrupting signal boundary event, when the signal comes, then the task is cancelled and the flow takes the boundary path', async () => {
    const { id } = await h.start('step-with-signals');
    await h.signal('tam-dung');
    expect(await h.activeIds(id)).toEqual(['b-paused']);
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'b-work')?.state).toBe('canceled');
    expect((await h.openTasks(id)).map((t) => t.elementId)).toEqual(['b-paused']);
  });

  it('given a non-interrupting signal boundary event, when the signal comes twice, then a reminder branch runs each time and the step stays open', async () => {
    const { id } = await h.start('step-with-signals');
    await h.signal('nhac-nho');
    await h.signal('nhac-nho');
    expect((await h.openTasks(id)).map((t) => t.elementId).sort()).toEqual(['b-note', 'b-note', 'b-work']);
    await h.complete(id, 'b-work');
    expect(await h.activeIds(id)).toEqual(['b-note']);
  });

  it('given a process that throws the signal, then the instances waiting elsewhere receive it (with the mapped variables) through delivery jobs, and its end signal reaches the boundary events', async () => {
    const waiting = await h.start('waits-for-rule');
    const working = await h.start('step-with-signals');
    const thrower = await h.start('announces-rule', { soQuyetDinh: '15/2027/QĐ-UBND', secret: 'x' });
    expect((await h.instance(thrower.id)).state).toBe('completed');
    await h.runDueJobs();
    expect(await h.activeIds(waiting.id)).toEqual(['w-apply']);
    expect((await h.instance(waiting.id)).variables).toEqual({ soQuyetDinh: '15/2027/QĐ-UBND' });
    expect(await h.activeIds(working.id)).toEqual(['b-paused']);
    const [started] = await instancesOf('started-by-rule');
    expect((await h.instance(started.id)).variables).toEqual({ soQuyetDinh: '15/2027/QĐ-UBND' });
  });

  it('given nobody waits, when the signal is broadcast, then nothing is delivered', async () => {
    expect(await h.signal('khong-ai-cho')).toEqual({ delivered: 0 });
  });

  it('given a delivery whose token moved on before it ran, then it is void (delivered once per waiting subscription)', async () => {
    const { id } = await h.start('step-with-signals');
    await h.start('announces-rule', { soQuyetDinh: 'x' }); // queues a pause for `id`
    await h.complete(id, 'b-work'); // … which finishes before the delivery runs
    await h.runDueJobs();
    expect((await h.instance(id)).state).toBe('completed');
    expect(h.jobLog.filter((l) => /failed/.test(l))).toEqual([]);
  });

  it('given two engine nodes taking the deliveries of one broadcast side by side, then every waiting instance receives the signal exactly once', async () => {
    const waiting = await Promise.all(Array.from({ length: 20 }, () => h.start('waits-for-rule')));
    const other = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, nodeId: 'second-node' });
    const thrower = await h.start('announces-rule', { soQuyetDinh: 'x' });
    expect((await h.instance(thrower.id)).state).toBe('completed');
    await Promise.all([h.engine.jobs.pollOnce(), other.jobs.pollOnce(), h.engine.jobs.pollOnce(), other.jobs.pollOnce()]);
    for (const { id } of waiting) {
      expect(await h.activeIds(id)).toEqual(['w-apply']);
      expect((await h.completedActivities(id)).filter((a) => a === 'w-catch')).toHaveLength(1);
    }
    const [{ count }] = await h.db.dataSource.query(`SELECT count(*)::int AS count FROM job WHERE type IN ('signal', 'signal-start')`);
    expect(count).toBe(0);
    expect(await instancesOf('started-by-rule')).toHaveLength(1);
  });
});
