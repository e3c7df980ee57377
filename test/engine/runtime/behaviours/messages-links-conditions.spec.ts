import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('message throws, send tasks, links, conditional events, compensation and FEEL scripts', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'messages-links-conditions.bpmn');
  });
  afterAll(() => h.close());

  const openSteps = async (id: string) => (await h.openTasks(id)).map((t) => t.elementId).sort();
  const outbox = async (instanceId: string) =>
    h.db.dataSource.query(`SELECT message_name, business_key, variables, source_element_id FROM message_outbox WHERE source_instance_id = $1`, [instanceId]);

  it('given a send task whose message starts a process here, then the receiver starts with the mapped variables and the same dossier, and its message end event answers the sender', async () => {
    const { id } = await h.start('sender', { tenNguoiNop: 'Nguyễn Văn A', noiBo: 'x' }, 'HS-LIEN-THONG');
    expect(await h.activeIds(id)).toEqual(['cho']);
    await h.runDueJobs();
    const [receiver] = await h.db.dataSource.query(`SELECT id, business_key FROM process_instance WHERE definition_key = 'receiver'`);
    expect(receiver.business_key).toBe('HS-LIEN-THONG');
    expect((await h.instance(receiver.id)).variables).toEqual({ tenNguoiNop: 'Nguyễn Văn A' });
    await h.complete(receiver.id, 'r-work');
    await h.runDueJobs();
    // the answer reached the waiting receive task; the last message has no receiver here: outbox
    expect((await h.instance(id)).state).toBe('completed');
    expect(await outbox(id)).toEqual([{ message_name: 'gui-bo-cong-an', business_key: 'HS-LIEN-THONG', variables: {}, source_element_id: 's-outside' }]);
    expect(await outbox(receiver.id)).toEqual([]);
  });

  it('given a link throw, then the token lands on the catch of the same name; FEEL scripts set the fee', async () => {
    const { id } = await h.start('linked', { soTrang: 12 });
    expect(await h.activeIds(id)).toEqual(['l-task']);
    const variables = (await h.instance(id)).variables;
    expect(variables.lePhi).toBe(54000);
    expect(variables.mienPhi).toBe(false);
    expect(variables.tong).toBeCloseTo(59400);
  });

  it('given a conditional catch, then it waits until a step sets its condition, and a conditional boundary interrupts its step when its condition comes true', async () => {
    const { id } = await h.start('conditions', { daNopPhi: false, huy: false });
    expect(await h.activeIds(id)).toEqual(['c-work', 'cho-phi']);
    await h.complete(id, 'c-work', { daNopPhi: true });
    expect(await h.activeIds(id)).toEqual(['c-paid']);

    const second = await h.start('conditions', { daNopPhi: true, huy: false });
    expect(await h.activeIds(second.id)).toEqual(['c-paid', 'c-work']); // already paid: passes at once
    await h.complete(second.id, 'c-paid', { huy: true });
    expect((await h.instance(second.id)).state).toBe('completed');
    expect((await h.engine.instances.history(second.id)).find((a) => a.activityId === 'c-work')?.state).toBe('canceled');
  });

  it('given a completed fee collection with a compensation handler, when the dossier is refused, then the refund runs before the refusal is notified', async () => {
    const { id } = await h.start('refund', {});
    await h.complete(id, 'xet', { dongY: false });
    expect(await openSteps(id)).toEqual(['hoan-phi']);
    await h.complete(id, 'hoan-phi');
    expect(await openSteps(id)).toEqual(['thong-bao']);
    await h.complete(id, 'thong-bao');
    expect((await h.instance(id)).state).toBe('completed');
  });

  it('given the dossier is approved, then nothing is compensated', async () => {
    const { id } = await h.start('refund', {});
    await h.complete(id, 'xet', { dongY: true });
    expect((await h.instance(id)).state).toBe('completed');
    expect((await h.completedActivities(id)).includes('hoan-phi')).toBe(false);
  });

  it('given a completed sub-process with a compensation event sub-process, when it is compensated, then that event sub-process runs and undoes what ran inside', async () => {
    const { id } = await h.start('booking', {});
    await h.complete(id, 'k-review');
    expect(await openSteps(id)).toEqual(['tra-phong']);
    await h.complete(id, 'tra-phong');
    expect(await openSteps(id)).toEqual(['ghi-huy']);
    await h.complete(id, 'ghi-huy');
    expect((await h.instance(id)).state).toBe('completed');
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'huy-dat-cho')?.state).toBe('completed');
  });
});
