import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/**
 * Issue #20 over HTTP: an administrator finds a dossier, sees where it is, and puts it right —
 * incidents retried once even with two nodes, suspension, token moves, cancellation, variable
 * edits — each with its reason in the audit log.
 */
describe('the operations console', () => {
  let t: TestEngine;
  let second: TestEngine;
  let admin: string;
  let reception: string;
  /** How often the probe job ran, and whether it still fails. */
  let probeRuns = 0;
  let probeBroken = true;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    second = await startTestEngine({ sameDatabaseAs: t });
    for (const node of [t, second]) {
      // A job that calls out (as the portal sync does): it fails while the portal is down.
      node.engine.jobHandlers.set('probe', async (ctx, job) => {
        if (probeBroken) throw new Error('cổng dịch vụ công không trả lời');
        probeRuns += 1;
        (await ctx.runtime.load(job.instance_id!))!.jobs.delete(job.id);
      });
    }
    admin = await t.login('admin');
    reception = await t.login('motcua.syt');
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  async function receive(): Promise<{ code: string; instanceId: string }> {
    const res = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Công ty Hoa Sen', phone: '0912345678' }, channel: 'direct' });
    expect(res.status).toBe(201);
    return { code: res.body.code, instanceId: res.body.processInstanceId };
  }
  const audit = (instanceId: string, operation: string) =>
    t.engine.db.query<{ username: string; details: { reason?: string }; from_state: unknown }>(`SELECT username, details, from_state FROM user_operation WHERE instance_id = $1 AND operation = $2 ORDER BY seq`, [instanceId, operation]);
  const openTasks = (instanceId: string) => t.engine.db.query<{ id: string; element_id: string }>(`SELECT id, element_id FROM task WHERE instance_id = $1`, [instanceId]);

  it('given a dossier, when the admin searches by part of its code, then it is listed with its current step, and its console shows the token there', async () => {
    const { code, instanceId } = await receive();
    const found = await t.http.get(`/api/process-instances?businessKey=${encodeURIComponent(code.slice(-6))}&definitionKey=${KEY}&state=active`).set('Authorization', admin);
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(instanceId);
    const item = found.body.items.find((i: { id: string }) => i.id === instanceId);
    expect(item).toEqual(expect.objectContaining({ businessKey: code, version: 2, suspended: false, incidents: 0, steps: [expect.objectContaining({ activityId: 'buoc-1-tiep-nhan' })] }));
    const page = await t.http.get(`/api/process-instances/${instanceId}/console`).set('Authorization', admin);
    expect(page.status).toBe(200);
    expect(page.body.dossier.code).toBe(code);
    expect(page.body.activities).toEqual([expect.objectContaining({ activityId: 'buoc-1-tiep-nhan', count: 1, dueState: 'on-time' })]);
    expect(page.body.history.map((h: { activityId: string }) => h.activityId)).toContain('buoc-1-tiep-nhan');

    const byDepartment = await t.http.get(`/api/process-instances?departmentCode=SYT_MOTCUA&withIncident=false&size=500`).set('Authorization', admin);
    expect(byDepartment.body.items.map((i: { id: string }) => i.id)).toContain(instanceId);
    const overdue = await t.http.get(`/api/process-instances?overdue=true&businessKey=${code}`).set('Authorization', admin);
    expect(overdue.body.total).toBe(0);
    expect((await t.http.get(`/api/process-instances?state=nope`).set('Authorization', admin)).status).toBe(400);
    expect((await t.http.get(`/api/process-instances`).set('Authorization', reception)).status).toBe(403);
  });

  it('given a failing job that became an incident, when the admin retries it and two nodes poll at once, then it runs exactly once and the retry is audited', async () => {
    const { instanceId } = await receive();
    await t.engine.db.query(
      `INSERT INTO job (id, type, instance_id, element_id, definition_id, due_at, retries, payload, created_at)
       SELECT gen_random_uuid(), 'probe', id, 'buoc-1-tiep-nhan', definition_id, now() - interval '1 minute', 1, '{}', now() FROM process_instance WHERE id = $1`,
      [instanceId],
    );
    await t.engine.db.query(`UPDATE process_instance SET revision = revision + 1 WHERE id = $1`, [instanceId]);
    await t.engine.jobs.pollOnce();
    const listed = await t.http.get(`/api/process-instances?withIncident=true`).set('Authorization', admin);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(instanceId);
    const [incident] = (await t.http.get(`/api/process-instances/${instanceId}/console`).set('Authorization', admin)).body.incidents;
    expect(incident.message).toContain('cổng dịch vụ công');

    probeBroken = false;
    expect((await t.http.post(`/api/incidents/${incident.id}/retry`).set('Authorization', admin).send({})).status).toBe(400);
    expect((await t.http.post(`/api/incidents/${incident.id}/retry`).set('Authorization', reception).send({ reason: 'x' })).status).toBe(403);
    const retried = await t.http.post(`/api/incidents/${incident.id}/retry`).set('Authorization', admin).send({ reason: 'Cổng đã hoạt động lại' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(expect.objectContaining({ incidentId: incident.id, retries: 3 }));
    await Promise.all([t.engine.jobs.pollOnce(), second.engine.jobs.pollOnce(), t.engine.jobs.pollOnce(), second.engine.jobs.pollOnce()]);
    expect(probeRuns).toBe(1);
    expect(await t.engine.db.query(`SELECT 1 FROM job WHERE instance_id = $1 AND type = 'probe'`, [instanceId])).toEqual([]);
    expect((await t.http.post(`/api/incidents/${incident.id}/retry`).set('Authorization', admin).send({ reason: 'lần nữa' })).status).toBe(409);
    const [entry] = await audit(instanceId, 'retry-incident');
    expect(entry).toEqual(expect.objectContaining({ username: 'admin', details: expect.objectContaining({ reason: 'Cổng đã hoạt động lại' }) }));
  });

  it('given an incident the admin fixed by hand, when resolved, then its job is gone and the reason kept', async () => {
    probeBroken = true;
    const { instanceId } = await receive();
    await t.engine.db.query(
      `INSERT INTO job (id, type, instance_id, element_id, definition_id, due_at, retries, payload, created_at)
       SELECT gen_random_uuid(), 'probe', id, 'buoc-1-tiep-nhan', definition_id, now() - interval '1 minute', 1, '{}', now() FROM process_instance WHERE id = $1`,
      [instanceId],
    );
    await t.engine.db.query(`UPDATE process_instance SET revision = revision + 1 WHERE id = $1`, [instanceId]);
    await t.engine.jobs.pollOnce();
    const [incident] = await t.engine.db.query<{ id: string }>(`SELECT id FROM incident WHERE instance_id = $1`, [instanceId]);
    const resolved = await t.http.post(`/api/incidents/${incident.id}/resolve`).set('Authorization', admin).send({ reason: 'Đã gửi tay lên cổng' });
    expect(resolved.status).toBe(200);
    expect(await t.engine.db.query(`SELECT 1 FROM job WHERE instance_id = $1 AND type = 'probe'`, [instanceId])).toEqual([]);
    expect((await audit(instanceId, 'resolve-incident'))[0].details.reason).toBe('Đã gửi tay lên cổng');
    probeBroken = false;
  });

  it('given a suspended dossier, then its step cannot be completed or claimed (409) and its jobs wait; resumed, it goes on', async () => {
    const { instanceId } = await receive();
    const [task] = await openTasks(instanceId);
    expect((await t.http.post(`/api/process-instances/${instanceId}/suspend`).set('Authorization', admin).send({ reason: 'Đang xác minh khiếu nại' })).status).toBe(200);
    expect((await t.http.post(`/api/process-instances/${instanceId}/suspend`).set('Authorization', admin).send({ reason: 'lần hai' })).status).toBe(409);
    expect((await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', reception).send({})).status).toBe(409);
    // Nor taken: a claim waits for the resume like a completion.
    expect((await t.http.post(`/api/tasks/${task.id}/claim`).set('Authorization', reception).send({})).status).toBe(409);
    await t.engine.db.query(
      `INSERT INTO job (id, type, instance_id, element_id, definition_id, due_at, retries, payload, created_at)
       SELECT gen_random_uuid(), 'probe', id, 'buoc-1-tiep-nhan', definition_id, now() - interval '1 minute', 3, '{}', now() FROM process_instance WHERE id = $1`,
      [instanceId],
    );
    const before = probeRuns;
    await t.engine.jobs.pollOnce();
    expect(probeRuns).toBe(before);
    expect((await t.http.post(`/api/process-instances/${instanceId}/resume`).set('Authorization', admin).send({ reason: 'Đã xác minh xong' })).status).toBe(200);
    await t.engine.jobs.pollOnce();
    expect(probeRuns).toBe(before + 1);
    expect((await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', reception).send({})).status).toBe(204);
    expect((await audit(instanceId, 'suspend'))[0].details.reason).toBe('Đang xác minh khiếu nại');
    expect((await audit(instanceId, 'resume'))[0].details.reason).toBe('Đã xác minh xong');
  });

  it('given two administrators suspending the same dossier at once, then one wins and the other gets 409, with one audit entry', async () => {
    const { instanceId } = await receive();
    const statuses = await Promise.all(
      ['Lý do một', 'Lý do hai'].map(async (reason) => (await t.http.post(`/api/process-instances/${instanceId}/suspend`).set('Authorization', admin).send({ reason })).status),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await audit(instanceId, 'suspend')).toHaveLength(1);
  });

  it('given a step completed by mistake, when the admin cancels the current step and starts before the previous one, then history shows the cancel and the new step, and the audit names both', async () => {
    const { instanceId } = await receive();
    const [first] = await openTasks(instanceId);
    await t.http.post(`/api/tasks/${first.id}/complete`).set('Authorization', reception).send({}).expect(204);
    const [current] = await openTasks(instanceId);
    expect(current.element_id).toBe('buoc-2-phan-cong');
    const page = (await t.http.get(`/api/process-instances/${instanceId}/console`).set('Authorization', admin)).body;
    const activityInstanceId = page.activities[0].tokens[0].activityInstanceId;
    const moved = await t.http
      .post(`/api/process-instances/${instanceId}/modification`)
      .set('Authorization', admin)
      .send({ reason: 'Bộ phận một cửa chuyển nhầm', instructions: [{ type: 'cancel', activityInstanceId }, { type: 'startBeforeActivity', activityId: 'buoc-1-tiep-nhan' }] });
    expect(moved.status).toBe(200);
    expect(moved.body.activeActivityIds).toEqual(['buoc-1-tiep-nhan']);
    expect((await openTasks(instanceId)).map((x) => x.element_id)).toEqual(['buoc-1-tiep-nhan']);
    const history = (await t.http.get(`/api/process-instances/${instanceId}/history`).set('Authorization', admin)).body as { activityId: string; state: string }[];
    expect(history.filter((h) => h.activityId === 'buoc-2-phan-cong').map((h) => h.state)).toEqual(['canceled']);
    expect(history.filter((h) => h.activityId === 'buoc-1-tiep-nhan').map((h) => h.state)).toEqual(['completed', 'active']);
    const [entry] = await audit(instanceId, 'modify');
    expect(entry.from_state).toEqual({ activeActivityIds: ['buoc-2-phan-cong'] });
    expect(entry.details).toEqual(expect.objectContaining({ reason: 'Bộ phận một cửa chuyển nhầm', activeActivityIds: ['buoc-1-tiep-nhan'] }));
    const bad = await t.http.post(`/api/process-instances/${instanceId}/modification`).set('Authorization', admin).send({ reason: 'x', instructions: [{ type: 'startBeforeActivity', activityId: 'khong-co' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('instructions[0].activityId');
  });

  it('given a step to skip, when the admin cancels it and starts after it, then the next step opens and the skipped one is cancelled in history', async () => {
    const { instanceId } = await receive();
    const moved = await t.http
      .post(`/api/process-instances/${instanceId}/modification`)
      .set('Authorization', admin)
      .send({ reason: 'Hồ sơ đã được tiếp nhận trên giấy', instructions: [{ type: 'cancel', activityId: 'buoc-1-tiep-nhan' }, { type: 'startAfterActivity', activityId: 'buoc-1-tiep-nhan' }] });
    expect(moved.status).toBe(200);
    expect(moved.body.activeActivityIds).toEqual(['buoc-2-phan-cong']);
    const history = (await t.http.get(`/api/process-instances/${instanceId}/history`).set('Authorization', admin)).body as { activityId: string; state: string }[];
    expect(history.filter((h) => h.activityId === 'buoc-1-tiep-nhan').map((h) => h.state)).toEqual(['canceled']);
    const [step] = await t.engine.db.query<{ outcome: string; ended_by: string }>(`SELECT outcome, ended_by FROM hist_task_instance WHERE instance_id = $1 AND element_id = 'buoc-1-tiep-nhan'`, [instanceId]);
    expect(step).toEqual({ outcome: 'canceled', ended_by: 'admin' });
    // and: cancelling the last token without starting another ends the instance
    const ended = await t.http.post(`/api/process-instances/${instanceId}/modification`).set('Authorization', admin).send({ reason: 'Nhập trùng', instructions: [{ type: 'cancel', activityId: 'buoc-2-phan-cong' }] });
    expect(ended.body).toEqual(expect.objectContaining({ state: 'terminated', activeActivityIds: [] }));
  });

  it('given dossiers cancelled from the console, then a withdrawal gives status 7, a stop status 8 with form 05 printable', async () => {
    const withdrawn = await receive();
    const res = await t.http.post(`/api/process-instances/${withdrawn.instanceId}/cancel`).set('Authorization', admin).send({ ending: 'withdrawn', reason: 'Công dân xin rút hồ sơ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ dossierCode: withdrawn.code, status: 7, state: 'terminated' }));
    expect((await t.http.post(`/api/process-instances/${withdrawn.instanceId}/cancel`).set('Authorization', admin).send({ ending: 'withdrawn', reason: 'lại' })).status).toBe(409);
    const stopped = await receive();
    const stop = await t.http.post(`/api/process-instances/${stopped.instanceId}/cancel`).set('Authorization', admin).send({ ending: 'stopped', reason: 'Cơ quan thuế đề nghị dừng' });
    expect(stop.body.status).toBe(8);
    const form = await t.http.get(`/api/documents/${stopped.code}/05`).set('Authorization', admin);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Cơ quan thuế đề nghị dừng');
    expect((await audit(stopped.instanceId, 'stopped'))[0].details.reason).toBe('Cơ quan thuế đề nghị dừng');
  });

  it('given a wrong variable, when the admin edits it, then the value changes and the audit keeps the old value and the reason', async () => {
    const { instanceId } = await receive();
    const res = await t.http.patch(`/api/process-instances/${instanceId}/variables`).set('Authorization', admin).send({ variables: { soLaoDong: 12 }, reason: 'Nhập sai số lao động' });
    expect(res.status).toBe(200);
    expect(res.body.variables.soLaoDong).toBe(12);
    const [entry] = await audit(instanceId, 'edit-variables');
    expect(entry).toEqual(expect.objectContaining({ from_state: { soLaoDong: null }, details: expect.objectContaining({ reason: 'Nhập sai số lao động' }) }));
    expect((await t.http.patch(`/api/process-instances/${instanceId}/variables`).set('Authorization', admin).send({ variables: { '1x': 1 }, reason: 'x' })).status).toBe(400);
  });

  it('given a suspended procedure version, then no dossier starts on it until resumed; and the heat-map and dashboard count its dossiers', async () => {
    const [v2] = await t.engine.definitions.list({ key: KEY, latest: true });
    expect((await t.http.post(`/api/process-definitions/${v2.id}/suspend`).set('Authorization', admin).send({ reason: 'Chờ quyết định công bố mới' })).status).toBe(200);
    const refused = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Công ty B' }, channel: 'direct' });
    expect(refused.status).toBe(409);
    expect((await t.http.post(`/api/process-definitions/${v2.id}/resume`).set('Authorization', admin).send({ reason: 'Đã công bố' })).status).toBe(200);
    await receive();

    const heat = await t.http.get(`/api/process-definitions/${v2.id}/heat-map`).set('Authorization', admin);
    expect(heat.status).toBe(200);
    const desk = heat.body.steps.find((s: { activityId: string }) => s.activityId === 'buoc-1-tiep-nhan');
    const [{ n }] = await t.engine.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task WHERE definition_id = $1 AND element_id = 'buoc-1-tiep-nhan'`, [v2.id]);
    expect(desk.running).toBe(n);
    expect(desk.completed).toBeGreaterThanOrEqual(1);
    expect(desk.p90Ms).toBeGreaterThanOrEqual(desk.meanMs * 0.5);
    const dashboard = await t.http.get(`/api/operations/dashboard?definitionKey=${KEY}`).set('Authorization', admin);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.running).toBeGreaterThanOrEqual(n);
    expect(dashboard.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(dashboard.body.meanPerStep.length).toBeGreaterThan(0);
  });
});
