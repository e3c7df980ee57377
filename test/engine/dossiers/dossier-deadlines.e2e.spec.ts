import { Engine } from '../../../apps/engine/src/engine.js';
import { installDossiers } from '../../../apps/engine/src/dossiers/index.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { ManualClock } from '../support/engine-harness.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const at = (local: string) => new Date(`${local}+07:00`);

/**
 * Procedure 1.001806 (10 working days: 0.5 + 0.5 + 7 + 0.5 + 1 + 0.5, then the uncounted
 * return) received on Friday 9 April 2027 at 16:00 — after the 15:00 cut-off, just before the
 * Hùng Kings' day (Friday 16 April 2027).
 */
describe('dossier deadlines on the working calendar', () => {
  let t: TestEngine;
  let clock: ManualClock;
  let reception: string;
  beforeAll(async () => {
    clock = new ManualClock(at('2027-04-09T16:00:00'));
    t = await startTestEngine({ processes: true, clock });
    reception = await t.login('motcua.syt');
  });
  afterAll(() => t.close());

  const receive = (extra: Record<string, unknown> = {}) =>
    t.http.post('/api/dossiers').set('Authorization', reception).send({
      procedureKey: KEY,
      applicant: { name: 'Công ty TNHH Hoa Mai', idNumber: '0101234567', phone: '0912345678' },
      channel: 'direct',
      ...extra,
    });

  async function work(code: string, username: string) {
    const auth = await t.login(username);
    const dossier = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', auth)).body;
    const [task] = dossier.currentSteps;
    const res = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', auth).send({});
    expect(res.status).toBe(204);
  }

  it('received after 15:00 on the Friday before Hùng Kings’ day: the clock starts Monday 07:30 and the appointment skips the holiday', async () => {
    const res = await receive();
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^SYT-270409-\d{7}$/);
    // Mon 12 Apr 07:30 + 10 working days, Fri 16 Apr off → Mon 26 Apr 17:00.
    expect(new Date(res.body.dueAt).toISOString()).toBe(at('2027-04-26T17:00:00').toISOString());
    const dossier = (await t.http.get(`/api/dossiers/${res.body.code}`).set('Authorization', reception)).body;
    expect(dossier.status).toBe(2);
    // The reception step (0.5 day) started at 16:00 Friday: 1 working hour left Friday, 3 on Monday.
    expect(new Date(dossier.currentSteps[0].dueAt).toISOString()).toBe(at('2027-04-12T10:30:00').toISOString());
  });

  it('an overdue step escalates to its leader exactly once with two executors; an apology moves the appointment; the control sheet says late', async () => {
    const second = new Engine({ dataSource: await t.db.connectAnother(), clock, calendar: () => t.calendar.current(), nodeId: 'node-2' });
    installDossiers(second);
    const { body } = await receive();
    const code = body.code;
    clock.current = at('2027-04-12T09:00:00');
    await work(code, 'motcua.syt'); // reception done Monday 09:00, due Monday 10:30
    clock.current = at('2027-04-12T17:00:00'); // head of division: 0.5 day from 09:00 → due 14:00; now overdue
    const drain = async (e: Engine) => { let n = 0; for (let k = await e.jobs.pollOnce(); k > 0; k = await e.jobs.pollOnce()) n += k; return n; };
    await Promise.all([drain(t.engine), drain(second)]);
    await Promise.all([drain(t.engine), drain(second)]);
    const leader = await t.login('truongphong.btxh');
    const notes = (await t.http.get('/api/notifications').set('Authorization', leader)).body.filter((n: { kind: string; dossierCode: string }) => n.kind === 'task-overdue' && n.dossierCode === code);
    expect(notes).toHaveLength(1);
    const inbox = (await t.http.get('/api/tasks?overdue=true').set('Authorization', leader)).body;
    expect(inbox.some((x: { businessKey: string; overdue: boolean }) => x.businessKey === code && x.overdue)).toBe(true);

    await work(code, 'truongphong.btxh'); // late
    const apology = await t.http.post(`/api/dossiers/${code}/apology`).set('Authorization', leader).send({ reason: 'Cần xác minh thêm tại cơ sở', newDueAt: at('2027-04-29T17:00:00').toISOString() });
    expect(apology.status).toBe(200);
    const dossier = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', leader)).body;
    expect(new Date(dossier.dueAt).toISOString()).toBe(at('2027-04-29T17:00:00').toISOString());
    expect(new Date(dossier.legalDueAt).toISOString()).toBe(at('2027-04-26T17:00:00').toISOString());
    expect(dossier.status).toBe(4);
    expect(dossier.steps.map((s: { result: string | null }) => s.result)).toEqual(['on_time', 'late', null]); // reception: same day as its due instant → on time
    expect(dossier.steps[1]).toEqual(expect.objectContaining({ fromDepartmentCode: 'SYT_MOTCUA', departmentCode: 'SYT_BTXH', assignee: 'truongphong.btxh', allowanceDays: 0.5 }));
    const badDate = await t.http.post(`/api/dossiers/${code}/apology`).set('Authorization', leader).send({ reason: 'x', newDueAt: at('2027-05-01T10:00:00').toISOString() });
    expect(badDate.status).toBe(400);
    expect(badDate.body.details[0].field).toBe('newDueAt');
    await second.jobs.stop();
  });

  it('a supplement request pauses the dossier; with the default restart policy the clock starts again from the complete dossier', async () => {
    clock.current = at('2027-05-03T08:00:00');
    const { body } = await receive();
    await work(body.code, 'motcua.syt');
    const head = await t.login('truongphong.btxh');
    const [task] = (await t.http.get(`/api/dossiers/${body.code}`).set('Authorization', head)).body.currentSteps;
    const asked = await t.http.post(`/api/tasks/${task.id}/request-supplement`).set('Authorization', head).send({ missing: ['Bản sao giấy đăng ký kinh doanh', 'Danh sách người lao động khuyết tật'], note: 'Bổ sung trong 10 ngày' });
    expect(asked.status).toBe(200);
    expect((await t.http.get(`/api/dossiers/${body.code}`).set('Authorization', head)).body.status).toBe(5);
    expect((await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', head).send({})).status).toBe(409);
    clock.current = at('2027-05-10T14:00:00');
    const back = await t.http.post(`/api/dossiers/${body.code}/supplement-received`).set('Authorization', reception);
    expect(back.status).toBe(200);
    const dossier = (await t.http.get(`/api/dossiers/${body.code}`).set('Authorization', head)).body;
    expect(dossier.status).toBe(4);
    // Restart: 10 working days from Mon 10 May 14:00 → Mon 24 May 14:00.
    expect(new Date(dossier.dueAt).toISOString()).toBe(at('2027-05-24T14:00:00').toISOString());
    expect(dossier.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['supplement_requested', 'supplement_received']));
    expect((await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', head).send({})).status).toBe(204);
  });
});
