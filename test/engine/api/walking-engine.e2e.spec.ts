import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** The demo user who works a step: same department, holding the step's role. */
async function workerFor(departmentCode: string, role: string | null): Promise<string> {
  const org = JSON.parse(await readFile(path.join(root, 'processes', 'organisation.json'), 'utf8')) as { users: { username: string; departmentCode: string; roles: string[] }[] };
  const user = org.users.find((u) => u.departmentCode === departmentCode && (!role || u.roles.includes(role)));
  if (!user) throw new Error(`no demo user for ${departmentCode}/${role}`);
  return user.username;
}

describe('the walking engine over HTTP', () => {
  let t: TestEngine;
  let designer: string;
  let v1: string;
  beforeAll(async () => {
    t = await startTestEngine();
    designer = await t.login('admin');
    v1 = await readFile(path.join(root, 'processes', '1.001806.v1.bpmn'), 'utf8');
  });
  afterAll(() => t.close());

  it('deploys a procedure as multipart, starts it, works every step and completes with history in order', async () => {
    const deployed = await t.http.post('/api/deployments').set('Authorization', designer).attach('file', Buffer.from(v1), '1.001806.v1.bpmn');
    expect(deployed.status).toBe(201);
    expect(deployed.body.processDefinitions).toEqual([expect.objectContaining({ key: KEY, version: 1 })]);

    const reception = await t.login('motcua.syt');
    const started = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', reception).send({ businessKey: 'H38.2-270301-0000001', variables: { applicantName: 'Công ty TNHH Hoa Mai' } });
    expect(started.status).toBe(201);
    expect(started.body).toEqual(expect.objectContaining({ definitionId: deployed.body.processDefinitions[0].id, businessKey: 'H38.2-270301-0000001', state: 'active' }));
    const id = started.body.id;

    const done: string[] = [];
    for (let step = 0; step < 10; step++) {
      const instance = await t.http.get(`/api/process-instances/${id}`).set('Authorization', designer);
      if (instance.body.state === 'completed') break;
      const [elementId] = instance.body.activeActivityIds;
      const open = await t.http.get(`/api/tasks?processInstanceId=${id}`).set('Authorization', designer);
      const task = open.body.find((x: { elementId: string }) => x.elementId === elementId);
      const worker = await t.login(await workerFor(task.departmentCode, task.role));
      const inbox = await t.http.get('/api/tasks?candidate=true').set('Authorization', worker);
      expect(inbox.body.map((x: { id: string }) => x.id)).toContain(task.id);
      const completed = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', worker).send({ variables: { [`${elementId.replace(/-/g, '_')}_done`]: true } });
      expect(completed.status).toBe(204);
      done.push(elementId);
    }
    expect(done).toHaveLength(7);
    const instance = await t.http.get(`/api/process-instances/${id}`).set('Authorization', designer);
    expect(instance.body.state).toBe('completed');
    const history = await t.http.get(`/api/process-instances/${id}/history`).set('Authorization', designer);
    const userTasks = history.body.filter((h: { activityType: string }) => h.activityType === 'userTask');
    expect(userTasks.map((h: { activityId: string }) => h.activityId)).toEqual(done);
    expect(history.body[0].activityType).toBe('startEvent');
    expect(history.body.at(-1).activityType).toBe('endEvent');
    for (const h of history.body) expect(h.endedAt).not.toBeNull();
    const starts = history.body.map((h: { startedAt: string }) => Date.parse(h.startedAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(userTasks.every((h: { assignee: string | null }) => h.assignee !== null)).toBe(true);
  });

  it('redeploying changed XML makes version 2 while a running instance keeps version 1; identical bytes make none', async () => {
    const reception = await t.login('motcua.syt');
    const running = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', reception).send({});
    const again = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'same', bpmnXml: v1 });
    expect(again.status).toBe(201);
    expect(again.body.processDefinitions[0]).toEqual(expect.objectContaining({ version: 1, isNew: false }));
    const v2 = await readFile(path.join(root, 'processes', '1.001806.v2.bpmn'), 'utf8');
    const second = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'simplified', bpmnXml: v2 });
    expect(second.body.processDefinitions[0]).toEqual(expect.objectContaining({ key: KEY, version: 2, isNew: true }));
    const still = await t.http.get(`/api/process-instances/${running.body.id}`).set('Authorization', designer);
    expect(still.body.definitionId).toBe(running.body.definitionId);
    const latest = await t.http.get(`/api/process-definitions?key=${KEY}&latest=true`).set('Authorization', designer);
    expect(latest.body.map((d: { version: number }) => d.version)).toEqual([2]);
    const fresh = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', reception).send({});
    expect(fresh.body.definitionId).toBe(second.body.processDefinitions[0].id);
  });

  it('refuses bad XML and unrunnable BPMN with 400 and element-level details', async () => {
    const garbage = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'x', bpmnXml: '<not-bpmn' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.details.length).toBeGreaterThan(0);
    const noDepartment = v1.replace(/ od:department="SYT_BTXH"/g, '').replace(/<bpmn:lane [^>]*>/g, (l) => l.replace(/ od:department="[^"]*"/, ''));
    const refused = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'x', bpmnXml: noDepartment });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementType: 'bpmn:UserTask', message: expect.stringMatching(/department/) })]));
    const missing = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('bpmnXml');
    const unknownField = await t.http.post('/api/deployments').set('Authorization', designer).send({ name: 'x', bpmnXml: v1, extra: 1 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details[0].field).toBe('extra');
  });

  it('two concurrent completions of one task: one 204, one 409, and the instance moves one step', async () => {
    const reception = await t.login('motcua.syt');
    const started = await t.http.post(`/api/process-definitions/key/${KEY}/start`).set('Authorization', reception).send({});
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${started.body.id}`).set('Authorization', reception)).body;
    const results = await Promise.all([
      t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', reception).send({}),
      t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', reception).send({}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    const history = await t.http.get(`/api/process-instances/${started.body.id}/history`).set('Authorization', reception);
    expect(history.body.filter((h: { activityId: string }) => h.activityId === task.elementId)).toHaveLength(1);
    const next = (await t.http.get(`/api/tasks?processInstanceId=${started.body.id}`).set('Authorization', (await t.login('admin')))).body;
    expect(next).toHaveLength(1);
  });

  it('answers without a token with 401, unknown ids with 404, and malformed JSON with 400', async () => {
    expect((await t.http.get('/api/process-definitions')).status).toBe(401);
    expect((await t.http.get('/api/process-instances/00000000-0000-0000-0000-000000000000').set('Authorization', designer)).status).toBe(404);
    expect((await t.http.get('/api/process-instances/not-a-uuid').set('Authorization', designer)).status).toBe(404);
    const malformed = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/json').send('{"name":');
    expect(malformed.status).toBe(400);
    expect((await t.http.get('/health')).status).toBe(503); // the job executor is not running in this spec
  });
});
