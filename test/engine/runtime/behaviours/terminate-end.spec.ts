import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('terminate end event', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'terminate-end.bpmn');
  });
  afterAll(() => h.close());

  it('given three parallel tokens, when one reaches a terminate end, then every token, task and timer ends', async () => {
    const { id } = await h.start('terminate');
    expect(await h.activeIds(id)).toEqual(['examine', 'inspect', 'wait']);
    await h.complete(id, 'examine');
    const instance = await h.instance(id);
    expect(instance.state).toBe('completed');
    expect(instance.activeActivityIds).toEqual([]);
    const counts = await h.db.dataSource.query(
      `SELECT (SELECT count(*) FROM execution WHERE instance_id = $1)::int AS executions,
              (SELECT count(*) FROM task WHERE instance_id = $1)::int AS tasks,
              (SELECT count(*) FROM job WHERE instance_id = $1)::int AS jobs`,
      [id],
    );
    expect(counts[0]).toEqual({ executions: 0, tasks: 0, jobs: 0 });
    const history = await h.engine.instances.history(id);
    expect(history.filter((a) => a.state === 'canceled').map((a) => a.activityId).sort()).toEqual(['inspect', 'wait']);
  });
});
