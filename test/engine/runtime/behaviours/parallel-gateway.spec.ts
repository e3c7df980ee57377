import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('parallel gateway', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'parallel-gateway.bpmn');
  });
  afterAll(() => h.close());

  it('given a fork, when the instance starts, then every branch gets a task', async () => {
    const { id } = await h.start('parallel');
    expect(await h.activeIds(id)).toEqual(['a', 'b', 'c']);
  });

  it('given two of three branches are done, then the join waits for the third', async () => {
    const { id } = await h.start('parallel');
    await h.complete(id, 'a');
    await h.complete(id, 'c');
    expect(await h.activeIds(id)).toEqual(['b', 'join']);
    expect((await h.openTasks(id)).map((t) => t.elementId)).toEqual(['b']);
  });

  it('given all branches are done, then one token continues past the join', async () => {
    const { id } = await h.start('parallel');
    await h.complete(id, 'b');
    await h.complete(id, 'a');
    await h.complete(id, 'c');
    expect(await h.activeIds(id)).toEqual(['after']);
    const rows = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM execution WHERE instance_id = $1 AND activity_id IS NOT NULL`, [id]);
    expect(rows[0].n).toBe(1);
    await h.complete(id, 'after');
    expect((await h.instance(id)).state).toBe('completed');
  });
});
