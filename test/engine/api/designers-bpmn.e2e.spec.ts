import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock, DAY } from '../support/engine-harness.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'lay-y-kien-lien-nganh';
const CONSULTED = { SNNMT_QLCL: 'chuyenvien.qlcl', SNNMT_CNTY: 'chuyenvien.cnty', VPUBND_KGVX: 'chuyenvien.kgvx' } as const;

/**
 * The BPMN designers draw, over HTTP as the agencies use it: a consultation of several
 * departments at once (multi-instance, department from the list), a withdrawal at any time
 * (interrupting message event sub-process), a rule change broadcast to every open dossier
 * (signal), and a stalled step escalated to the leader (escalation).
 */
describe('consultation, withdrawal, signal and escalation over HTTP', () => {
  const clock = new ManualClock(new Date('2027-03-01T01:00:00Z'));
  let t: TestEngine;
  let admin: string;
  let reception: string;
  let n = 0;
  beforeAll(async () => {
    t = await startTestEngine({ clock });
    admin = await t.login('admin');
    reception = await t.login('motcua.syt');
    const xml = await readFile(path.join(here, 'lien-nganh.bpmn'));
    const deployed = await t.http.post('/api/deployments').set('Authorization', admin).attach('file', xml, 'lien-nganh.bpmn');
    expect(deployed.status).toBe(201);
  });
  afterAll(() => t.close());

  async function startDossier(): Promise<string> {
    const started = await t.http
      .post(`/api/process-definitions/key/${KEY}/start`)
      .set('Authorization', reception)
      .send({ businessKey: `H38.2-270301-${String(++n).padStart(7, '0')}`, variables: { donViPhoiHop: Object.keys(CONSULTED) } });
    expect(started.status).toBe(201);
    return started.body.id;
  }

  async function work(user: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) {
    const token = await t.login(user);
    const inbox = await t.http.get('/api/tasks?candidate=true').set('Authorization', token);
    const task = inbox.body.find((x: { processInstanceId: string; elementId: string }) => x.processInstanceId === instanceId && x.elementId === elementId);
    expect(task).toBeDefined();
    const done = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', token).send({ variables });
    expect(done.status).toBe(204);
    return task;
  }

  const state = async (id: string) => (await t.http.get(`/api/process-instances/${id}`).set('Authorization', admin)).body;

  it('consultation: each consulted department finds its own task in its inbox, with its own due date; the dossier goes on when all answered', async () => {
    const id = await startDossier();
    await work('motcua.syt', id, 'tiep-nhan');
    const tasks = (await t.http.get(`/api/tasks?processInstanceId=${id}`).set('Authorization', admin)).body;
    expect(tasks.map((x: { departmentCode: string }) => x.departmentCode).sort()).toEqual(Object.keys(CONSULTED).sort());
    for (const [department, user] of Object.entries(CONSULTED)) {
      const token = await t.login(user);
      const mine = (await t.http.get('/api/tasks?candidate=true').set('Authorization', token)).body.filter((x: { processInstanceId: string }) => x.processInstanceId === id);
      expect(mine.map((x: { departmentCode: string; elementId: string }) => [x.elementId, x.departmentCode])).toEqual([['xin-y-kien', department]]);
      expect(mine[0].dueAt).toBeTruthy();
      expect((await state(id)).activeActivityIds).toContain('xin-y-kien');
      await work(user, id, 'xin-y-kien', { [`yKien_${department}`]: 'Đồng ý' });
    }
    expect((await state(id)).activeActivityIds).toEqual(['tham-dinh', 'tong-hop']);
    const history = (await t.http.get(`/api/process-instances/${id}/history`).set('Authorization', admin)).body;
    expect(history.filter((h: { activityId: string }) => h.activityId === 'xin-y-kien').map((h: { departmentCode: string }) => h.departmentCode).sort()).toEqual(Object.keys(CONSULTED).sort());
  });

  it('withdrawal: the applicant withdraws at any step; the open steps close and the desk handles the withdrawal', async () => {
    const id = await startDossier();
    await work('motcua.syt', id, 'tiep-nhan');
    const { businessKey } = await state(id);
    const withdrawn = await t.http.post('/api/messages').set('Authorization', reception).send({ messageName: 'rut-ho-so', businessKey, variables: { lyDoRut: 'Không còn nhu cầu' } });
    expect(withdrawn.status).toBe(204);
    expect((await state(id)).activeActivityIds).toEqual(['rut-ho-so', 'xu-ly-rut']);
    const open = (await t.http.get(`/api/tasks?processInstanceId=${id}`).set('Authorization', admin)).body;
    expect(open.map((x: { elementId: string }) => x.elementId)).toEqual(['xu-ly-rut']);
    await work('motcua.syt', id, 'xu-ly-rut');
    expect((await state(id)).state).toBe('completed');
  });

  it('signal: a rule change reaches every open dossier once; the count says how many; only managers, leaders and admins may send it', async () => {
    const a = await startDossier();
    const b = await startDossier();
    const specialist = await t.login('chuyenvien.btxh');
    expect((await t.http.post('/api/signals').set('Authorization', specialist).send({ signalName: 'quy-dinh-moi' })).status).toBe(403);
    expect((await t.http.post('/api/signals').set('Authorization', admin).send({})).status).toBe(400);
    const [{ open }] = await t.db.dataSource.query(`SELECT count(*)::int AS open FROM process_instance WHERE definition_key = $1 AND state = 'active'`, [KEY]);
    const sent = await t.http.post('/api/signals').set('Authorization', admin).send({ signalName: 'quy-dinh-moi', variables: { quyetDinh: '15/2027/QĐ-UBND' } });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ delivered: open });
    expect(open).toBeGreaterThanOrEqual(2);
    for (const id of [a, b]) {
      expect((await state(id)).activeActivityIds).toEqual(expect.arrayContaining(['cap-nhat', 'tiep-nhan']));
      expect((await state(id)).variables.quyetDinh).toBe('15/2027/QĐ-UBND');
    }
    await work('truongphong.btxh', a, 'cap-nhat');
    expect((await state(a)).activeActivityIds).toEqual(['tiep-nhan']);
  });

  it('escalation: when the appraisal stalls past its limit, the leader gets a step to chase it while the specialist keeps the work', async () => {
    const id = await startDossier();
    await work('motcua.syt', id, 'tiep-nhan');
    for (const user of Object.values(CONSULTED)) await work(user, id, 'xin-y-kien');
    clock.advance(4 * DAY);
    await t.engine.jobs.pollOnce();
    const leader = await t.login('lanhdao.syt');
    const inbox = (await t.http.get('/api/tasks?candidate=true').set('Authorization', leader)).body.filter((x: { processInstanceId: string }) => x.processInstanceId === id);
    expect(inbox.map((x: { elementId: string }) => x.elementId)).toEqual(['don-doc']);
    expect((await state(id)).activeActivityIds).toEqual(['don-doc', 'tham-dinh', 'tong-hop']);
    await work('chuyenvien.btxh', id, 'tong-hop');
    await work('lanhdao.syt', id, 'don-doc');
    await work('lanhdao.syt', id, 'ky');
    expect((await state(id)).state).toBe('completed');
  });

  it('sending to another agency: a message nobody here waits for waits in the outbox until the integration acknowledges it', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
  <bpmn:message id="m" name="gui-so-tai-chinh" />
  <bpmn:process id="gui-lien-thong" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="gui" />
    <bpmn:sendTask id="gui" messageRef="m"><bpmn:extensionElements><camunda:in source="soTien" target="soTien" /></bpmn:extensionElements></bpmn:sendTask>
    <bpmn:sequenceFlow id="f2" sourceRef="gui" targetRef="e" />
    <bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;
    expect((await t.http.post('/api/deployments').set('Authorization', admin).send({ name: 'gui-lien-thong', bpmnXml: xml })).status).toBe(201);
    const started = await t.http.post('/api/process-definitions/key/gui-lien-thong/start').set('Authorization', reception).send({ businessKey: 'H38.2-270301-9999999', variables: { soTien: 150000 } });
    expect(started.body.state).toBe('completed');
    const pending = (await t.http.get('/api/message-outbox?pending=true').set('Authorization', admin)).body;
    const sent = pending.find((m: { processInstanceId: string }) => m.processInstanceId === started.body.id);
    expect(sent).toEqual(expect.objectContaining({ messageName: 'gui-so-tai-chinh', businessKey: 'H38.2-270301-9999999', variables: { soTien: 150000 }, elementId: 'gui', deliveredAt: null }));
    expect((await t.http.post(`/api/message-outbox/${sent.id}/delivered`).set('Authorization', admin)).status).toBe(204);
    expect((await t.http.post(`/api/message-outbox/${sent.id}/delivered`).set('Authorization', admin)).status).toBe(204);
    const after = (await t.http.get('/api/message-outbox?pending=true').set('Authorization', admin)).body;
    expect(after.map((m: { id: string }) => m.id)).not.toContain(sent.id);
  });
});
