import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

describe('returning a dossier and reassigning work', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
  });
  afterAll(() => t.close());

  async function dossierAtStep2() {
    const desk = await t.login('motcua.syt');
    const { body } = await t.http.post('/api/dossiers').set('Authorization', desk).send({ procedureKey: KEY, applicant: { name: 'Hộ kinh doanh Lan' }, channel: 'direct' });
    const first = (await t.http.get(`/api/dossiers/${body.code}`).set('Authorization', desk)).body.currentSteps[0];
    await t.http.post(`/api/tasks/${first.id}/complete`).set('Authorization', desk).send({}).expect(204);
    return { code: body.code as string, instanceId: body.processInstanceId as string, deskStep: first.elementId as string };
  }

  it('given the head of division finds a problem, when returning with a reason, then the token really moves back to the desk and the history shows it', async () => {
    const { code, instanceId, deskStep } = await dossierAtStep2();
    const head = await t.login('truongphong.btxh');
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${instanceId}`).set('Authorization', head)).body;
    const returned = await t.http.post(`/api/tasks/${task.id}/return`).set('Authorization', head).send({ reason: 'Thiếu bản sao giấy phép kinh doanh' });
    expect(returned.status).toBe(200);
    expect(returned.body.returnedTo).toBe(deskStep);
    const admin = await t.login('admin');
    const instance = (await t.http.get(`/api/process-instances/${instanceId}`).set('Authorization', admin)).body;
    expect(instance.activeActivityIds).toEqual([deskStep]);
    expect(instance.variables.returnReason).toBe('Thiếu bản sao giấy phép kinh doanh');
    const desk = await t.login('motcua.syt');
    const mine = (await t.http.get('/api/tasks?mine=true').set('Authorization', desk)).body;
    expect(mine.map((x: { elementId: string; businessKey: string }) => [x.elementId, x.businessKey])).toContainEqual([deskStep, code]);
    const history = (await t.http.get(`/api/process-instances/${instanceId}/history`).set('Authorization', admin)).body;
    expect(history.filter((h: { activityType: string }) => h.activityType === 'userTask').map((h: { activityId: string }) => h.activityId)).toEqual([deskStep, task.elementId, deskStep]);
    const audit = await t.engine.db.query<{ operation: string; username: string; details: { reason: string } }>(`SELECT operation, username, details FROM user_operation WHERE instance_id = $1 AND operation = 'return'`, [instanceId]);
    expect(audit).toEqual([expect.objectContaining({ username: 'truongphong.btxh', details: expect.objectContaining({ reason: 'Thiếu bản sao giấy phép kinh doanh' }) })]);
    const sheet = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', admin)).body.steps;
    expect(sheet.map((s: { outcome: string | null }) => s.outcome)).toEqual(['completed', 'returned', null]);
  });

  it('given the first step, when returning, then it is refused: there is nowhere to go back to', async () => {
    const desk = await t.login('motcua.syt');
    const { body } = await t.http.post('/api/dossiers').set('Authorization', desk).send({ procedureKey: KEY, applicant: { name: 'Ông B' }, channel: 'postal' });
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${body.processInstanceId}`).set('Authorization', desk)).body;
    const res = await t.http.post(`/api/tasks/${task.id}/return`).set('Authorization', desk).send({ reason: 'x' });
    expect(res.status).toBe(409);
  });

  it('given a leader assigns a task to a named officer, then only that officer may complete it', async () => {
    const { instanceId } = await dossierAtStep2();
    const head = await t.login('truongphong.btxh');
    const admin = await t.login('admin');
    // Move on to the specialist's step.
    const [assign] = (await t.http.get(`/api/tasks?processInstanceId=${instanceId}`).set('Authorization', head)).body;
    await t.http.post(`/api/tasks/${assign.id}/complete`).set('Authorization', head).send({}).expect(204);
    const [examine] = (await t.http.get(`/api/tasks?processInstanceId=${instanceId}`).set('Authorization', admin)).body;
    expect(examine.role).toBe('specialist');
    await t.organisation.upsertUser({ username: 'chuyenvien2.btxh', password: 'demo', fullName: 'Lê Thị Hoa', departmentCode: 'SYT_BTXH', roles: ['officer', 'specialist'] });
    expect((await t.http.post(`/api/tasks/${examine.id}/assign`).set('Authorization', head).send({ username: 'chuyenvien2.btxh' })).status).toBe(204);
    expect((await t.http.post(`/api/tasks/${examine.id}/assign`).set('Authorization', head).send({ username: 'chuyenvien.qlcl' })).status).toBe(400);
    const first = await t.login('chuyenvien.btxh');
    expect((await t.http.post(`/api/tasks/${examine.id}/complete`).set('Authorization', first).send({})).status).toBe(403);
    const second = await t.login('chuyenvien2.btxh');
    const mine = (await t.http.get('/api/tasks?mine=true').set('Authorization', second)).body;
    expect(mine.map((x: { id: string }) => x.id)).toContain(examine.id);
    expect((await t.http.post(`/api/tasks/${examine.id}/complete`).set('Authorization', second).send({})).status).toBe(204);
    // The assignment is an intervention: the audit log keeps it. The completion is ordinary work:
    // the step's history row says who ended it.
    const audit = await t.engine.db.query<{ operation: string }>(`SELECT operation FROM user_operation WHERE entity_id = $1 ORDER BY seq`, [examine.id]);
    expect(audit.map((a) => a.operation)).toEqual(['assign']);
    const [step] = await t.engine.db.query<{ ended_by: string; outcome: string }>(`SELECT ended_by, outcome FROM hist_activity_instance WHERE task_id = $1`, [examine.id]);
    expect(step).toEqual({ ended_by: 'chuyenvien2.btxh', outcome: 'completed' });
  });
});
