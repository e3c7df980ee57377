import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DAY, EngineHarness, HOUR } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('boundary timer events', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'boundary-timer.bpmn');
  });
  afterAll(() => h.close());

  it('given a task with two boundary timers, when it starts, then both timers are scheduled', async () => {
    const { id } = await h.start('boundary-timer');
    const jobs = await h.db.dataSource.query(`SELECT element_id FROM job WHERE instance_id = $1 ORDER BY due_at`, [id]);
    expect(jobs.map((j: { element_id: string }) => j.element_id)).toEqual(['reminder', 'deadline']);
  });

  it('given a non-interrupting timer, when it fires, then the task stays open and a parallel branch starts', async () => {
    const { id } = await h.start('boundary-timer');
    await h.advance(5 * HOUR);
    expect(await h.activeIds(id)).toEqual(['examine', 'remind']);
    expect((await h.openTasks(id)).map((t) => t.elementId).sort()).toEqual(['examine', 'remind']);
  });

  it('given an interrupting timer, when it fires, then the task is cancelled and the escalation path starts', async () => {
    const { id } = await h.start('boundary-timer');
    await h.complete(id, 'examine').catch(() => undefined); // not yet: keep it open
    const { id: late } = await h.start('boundary-timer');
    await h.advance(3 * DAY);
    expect(await h.activeIds(late)).toEqual(['escalated', 'remind']);
    const history = await h.engine.instances.history(late);
    expect(history.find((a) => a.activityId === 'examine')?.state).toBe('canceled');
    const cancelled = await h.db.dataSource.query(`SELECT outcome FROM hist_task_instance WHERE instance_id = $1 AND element_id = 'examine'`, [late]);
    expect(cancelled[0].outcome).toBe('canceled');
    expect(id).not.toBe(late);
  });

  it('given the task completes before its timers, then its timers are removed and never fire', async () => {
    const { id } = await h.start('boundary-timer');
    await h.complete(id, 'examine');
    const jobs = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM job WHERE instance_id = $1`, [id]);
    expect(jobs[0].n).toBe(0);
    await h.advance(3 * DAY);
    expect((await h.instance(id)).state).toBe('completed');
  });
});
