import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestEngine, type TestEngine } from '../support/engine-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface DemoUser {
  username: string;
  departmentCode: string;
  roles: string[];
}

/**
 * Every procedure in processes/, old and simplified version, runs from reception to the returned
 * result over HTTP, each step worked by the demo user of its department and role.
 */
describe('the real procedures run end to end with the demo organisation', () => {
  let t: TestEngine;
  let users: DemoUser[];
  let admin: string;
  const tokens = new Map<string, string>();
  const login = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    users = JSON.parse(await readFile(path.join(root, 'processes', 'organisation.json'), 'utf8')).users;
    admin = await login('admin');
  });
  afterAll(() => t.close());

  const worker = (departmentCode: string, role: string | null) =>
    users.find((u) => u.departmentCode === departmentCode && (!role || u.roles.includes(role)))?.username;

  it('deploys a definition for every file', async () => {
    const definitions = (await t.http.get('/api/process-definitions').set('Authorization', admin)).body;
    expect(definitions).toHaveLength(12);
  });

  const cases = [
    ['cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', 1],
    ['cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', 2],
    ['dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap', 1],
    ['dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap', 2],
    ['xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi', 1],
    ['xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi', 2],
    ['cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san', 1],
    ['cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san', 2],
    ['cap-chung-chi-hanh-nghe-thu-y', 1],
    ['cap-chung-chi-hanh-nghe-thu-y', 2],
  ] as const;

  it.each(cases)('%s v%s: reception → every step by its department → result returned', async (key, version) => {
    const [definition] = (await t.http.get(`/api/process-definitions?key=${key}`).set('Authorization', admin)).body.filter((d: { version: number }) => d.version === version);
    const steps = (await t.http.get(`/api/process-definitions/${definition.id}/steps`).set('Authorization', admin)).body;
    expect(steps.countedDays).toBe(steps.statutoryDays);
    // The desk of the procedure's first step receives the dossier.
    const desk = worker(steps.steps[0].departmentCode, steps.steps[0].role)!;
    // Start this exact version through the start endpoint when it is not the latest.
    let instanceId: string;
    let code: string | undefined;
    const latest = (await t.http.get(`/api/process-definitions?key=${key}&latest=true`).set('Authorization', admin)).body[0];
    if (latest.id === definition.id) {
      const received = await t.http.post('/api/dossiers').set('Authorization', await login(desk)).send({ procedureKey: key, applicant: { name: 'Công ty TNHH Hoa Mai', phone: '0912345678' }, channel: 'direct', variables: { accepted: true, inspectionPassed: true } });
      expect(received.status).toBe(201);
      instanceId = received.body.processInstanceId;
      code = received.body.code;
    } else {
      const started = await t.engine.execute(
        new (await import('../../apps/engine/src/dossiers/receive-dossier.js')).ReceiveDossier({ procedureKey: key, definitionId: definition.id, applicant: { name: 'Hộ kinh doanh Lan' }, channel: 'online', variables: { accepted: true, inspectionPassed: true } }),
        { username: desk, departmentCode: steps.steps[0].departmentCode, roles: ['officer', 'reception'] },
      );
      instanceId = started.processInstanceId;
      code = started.code;
    }
    const worked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const open = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', admin)).body;
      if (open.status === 10) break;
      const [task] = open.currentSteps;
      expect(task).toBeDefined();
      const [full] = await t.engine.db.query<{ role: string | null }>(`SELECT role FROM task WHERE id = $1`, [task.id]);
      const username = worker(task.departmentCode, full.role);
      expect(username).toBeDefined();
      const res = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', await login(username!)).send({});
      expect(res.status).toBe(204);
      worked.push(task.elementId);
    }
    const dossier = (await t.http.get(`/api/dossiers/${code}`).set('Authorization', admin)).body;
    expect(dossier.status).toBe(10);
    expect(dossier.returnedAt).not.toBeNull();
    expect(dossier.steps.map((s: { elementId: string }) => s.elementId)).toEqual(worked);
    expect((await t.http.get(`/api/process-instances/${instanceId}`).set('Authorization', admin)).body.state).toBe('completed');
  });
});
