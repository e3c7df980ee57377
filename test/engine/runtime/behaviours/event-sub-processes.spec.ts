import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DAY, EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('event sub-processes', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'event-sub-processes.bpmn');
  });
  afterAll(() => h.close());

  const start = (businessKey: string) => h.start('dossier', { thieu: false, canLanhDao: false, khanCap: false }, businessKey);
  const openSteps = async (id: string) => (await h.openTasks(id)).map((t) => t.elementId).sort();
  const history = async (id: string) => h.engine.instances.history(id);

  it('given a dossier in processing, when the applicant withdraws it (interrupting message start), then every open step is cancelled and only the withdrawal runs', async () => {
    const { id } = await start('HS-RUT');
    await h.complete(id, 'tiep-nhan');
    await h.correlate('rut-ho-so', { businessKey: 'HS-RUT', variables: { lyDo: 'Không có nhu cầu' } });
    expect(await openSteps(id)).toEqual(['xu-ly-rut']);
    const rows = await history(id);
    expect(rows.find((a) => a.activityId === 'tham-dinh')?.state).toBe('canceled');
    expect(rows.find((a) => a.activityId === 'xu-ly')?.state).toBe('canceled');
    expect(rows.find((a) => a.activityId === 'esp-withdraw')?.state).toBe('active');
    // the other event starts stopped listening: a second withdrawal or a note finds nobody
    await expect(h.correlate('ghi-chu-bo-sung', { businessKey: 'HS-RUT' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.complete(id, 'xu-ly-rut');
    expect((await h.instance(id)).state).toBe('completed');
    expect((await h.instance(id)).variables.lyDo).toBe('Không có nhu cầu');
  });

  it('given a dossier in processing, when a supplement note arrives (non-interrupting), then it is recorded beside the work, as often as it comes', async () => {
    const { id } = await start('HS-GHI-CHU');
    await h.complete(id, 'tiep-nhan');
    await h.correlate('ghi-chu-bo-sung', { businessKey: 'HS-GHI-CHU' });
    expect(await openSteps(id)).toEqual(['ghi-nhan', 'tham-dinh']);
    await h.complete(id, 'ghi-nhan');
    await h.correlate('ghi-chu-bo-sung', { businessKey: 'HS-GHI-CHU' });
    expect(await openSteps(id)).toEqual(['ghi-nhan', 'tham-dinh']);
    await h.complete(id, 'tham-dinh');
    await h.complete(id, 'tra-ket-qua');
    // the process waits for the note still being recorded, then ends
    expect((await h.instance(id)).state).toBe('active');
    await h.complete(id, 'ghi-nhan');
    expect((await h.instance(id)).state).toBe('completed');
  });

  it('given a BPMN error thrown inside the sub-process and caught by the process’s error event sub-process, then the sub-process is cancelled and the error path runs', async () => {
    const { id } = await start('HS-THIEU');
    await h.complete(id, 'tiep-nhan');
    await h.complete(id, 'tham-dinh', { thieu: true });
    expect(await openSteps(id)).toEqual(['yeu-cau-bo-sung']);
    expect((await history(id)).find((a) => a.activityId === 'xu-ly')?.state).toBe('canceled');
  });

  it('given an escalation thrown inside the sub-process, then its non-interrupting escalation event sub-process asks the leader while the work goes on', async () => {
    const { id } = await start('HS-LANH-DAO');
    await h.complete(id, 'tiep-nhan');
    await h.complete(id, 'tham-dinh', { canLanhDao: true });
    expect(await openSteps(id)).toEqual(['hoan-tat', 'y-kien-lanh-dao']);
    await h.complete(id, 'hoan-tat');
    expect(await openSteps(id)).toEqual(['y-kien-lanh-dao']); // the sub-process waits for its event sub-process
    await h.complete(id, 'y-kien-lanh-dao');
    expect(await openSteps(id)).toEqual(['tra-ket-qua']);
  });

  it('given a non-interrupting timer start, when five days pass, then a reminder step opens and the dossier keeps its steps', async () => {
    const { id } = await start('HS-NHAC');
    await h.advance(6 * DAY);
    expect(await openSteps(id)).toEqual(['nhac-viec', 'tiep-nhan']);
  });

  it('given an interrupting signal start, when the signal is broadcast, then the dossier stops and ends', async () => {
    const { id } = await start('HS-DUNG');
    await h.complete(id, 'tiep-nhan');
    await h.signal('dung-xu-ly');
    expect((await h.instance(id)).state).toBe('completed');
    expect(await h.openTasks(id)).toEqual([]);
    const [{ count }] = await h.db.dataSource.query(`SELECT count(*)::int AS count FROM event_subscription WHERE instance_id = $1`, [id]);
    expect(count).toBe(0);
  });

  it('given a conditional start, when a step sets its condition true, then the priority step opens beside the work (once)', async () => {
    const { id } = await start('HS-KHAN');
    await h.complete(id, 'tiep-nhan', { khanCap: true });
    expect(await openSteps(id)).toEqual(['tham-dinh', 'uu-tien']);
    await h.complete(id, 'uu-tien', { ghiChu: 'đã ưu tiên' });
    expect(await openSteps(id)).toEqual(['tham-dinh']);
  });

  it('given the dossier completes, then no event start of it listens any more', async () => {
    const { id } = await start('HS-XONG');
    await h.complete(id, 'tiep-nhan');
    await h.complete(id, 'tham-dinh');
    await h.complete(id, 'tra-ket-qua');
    expect((await h.instance(id)).state).toBe('completed');
    const [{ subs }] = await h.db.dataSource.query(`SELECT count(*)::int AS subs FROM event_subscription WHERE instance_id = $1`, [id]);
    const [{ jobs }] = await h.db.dataSource.query(`SELECT count(*)::int AS jobs FROM job WHERE instance_id = $1 AND type = 'timer'`, [id]);
    expect([subs, jobs]).toEqual([0, 0]);
  });
});
