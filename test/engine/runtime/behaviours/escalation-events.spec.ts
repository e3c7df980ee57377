import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DAY, EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('escalation events', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'escalation-events.bpmn');
  });
  afterAll(() => h.close());

  const openSteps = async (id: string) => (await h.openTasks(id)).map((t) => t.elementId).sort();

  it('given a step that stalls, when its timer throws an escalation, then the non-interrupting boundary on the sub-process asks the leader and the step stays open', async () => {
    const { id } = await h.start('stalled-step');
    await h.advance(3 * DAY);
    expect(await openSteps(id)).toEqual(['lanh-dao-doc-thuc', 'xem-xet']);
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'bao-tre')?.state).toBe('completed');
    expect(history.find((a) => a.activityId === 'len-lanh-dao')?.state).toBe('completed');
    await h.complete(id, 'xem-xet', { vuotThamQuyen: false });
    expect(await openSteps(id)).toEqual(['ky', 'lanh-dao-doc-thuc']);
  });

  it('given an escalation end event inside, when reached, then the interrupting boundary ends the sub-process and takes its path', async () => {
    const { id } = await h.start('stalled-step');
    await h.complete(id, 'xem-xet', { vuotThamQuyen: true });
    expect(await openSteps(id)).toEqual(['trinh-cap-tren']);
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'buoc')?.state).toBe('canceled');
    const [{ count }] = await h.db.dataSource.query(`SELECT count(*)::int AS count FROM job WHERE instance_id = $1 AND type = 'timer'`, [id]);
    expect(count).toBe(0); // the stalled-step timer went with the cancelled step
  });

  it('given an escalation nobody catches, then it is a notice only: the token goes on', async () => {
    const { id } = await h.start('stalled-step');
    await h.complete(id, 'xem-xet', { vuotThamQuyen: false });
    expect(await openSteps(id)).toEqual(['ky']);
  });

  it('given a called procedure that ends with an escalation, then the boundary on the call activity catches it in the caller', async () => {
    const { id } = await h.start('calls-and-catches');
    const [child] = await h.db.dataSource.query(`SELECT id FROM process_instance WHERE parent_instance_id = $1`, [id]);
    await h.complete(child.id, 'c-work');
    expect(await openSteps(id)).toEqual(['p-refer']);
    expect((await h.instance(child.id)).state).toBe('terminated');
  });
});
