import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestEngine } from '../../support/engine-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The demo user who works a step: same department, holding the step's role. */
async function workerFor(departmentCode: string, role: string | null): Promise<string> {
  const org = JSON.parse(await readFile(path.join(root, 'processes', 'organisation.json'), 'utf8')) as { users: { username: string; departmentCode: string; roles: string[] }[] };
  const user = org.users.find((u) => u.departmentCode === departmentCode && (!role || u.roles.includes(role)));
  if (!user) throw new Error(`no demo user for ${departmentCode}/${role}`);
  return user.username;
}

/**
 * Starts the latest version of a key at the one-stop desk and has each step's demo worker
 * complete it over HTTP until the instance ends. Returns the instance and the steps in order.
 */
export async function workToCompletion(t: TestEngine, key: string): Promise<{ instance: { id: string; definitionId: string; state: string }; done: string[] }> {
  const admin = await t.login('admin');
  const started = await t.http.post(`/api/process-definitions/key/${key}/start`).set('Authorization', await t.login('motcua.syt')).send({});
  if (started.status !== 201) throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
  const id: string = started.body.id;
  const done: string[] = [];
  for (let step = 0; step < 20; step++) {
    const instance = await t.http.get(`/api/process-instances/${id}`).set('Authorization', admin);
    if (instance.body.state !== 'active') break;
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${id}`).set('Authorization', admin)).body;
    const worker = await t.login(await workerFor(task.departmentCode, task.role));
    const completed = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', worker).send({});
    if (completed.status !== 204) throw new Error(`completing ${task.elementId} failed: ${completed.status} ${JSON.stringify(completed.body)}`);
    done.push(task.elementId);
  }
  const instance = await t.http.get(`/api/process-instances/${id}`).set('Authorization', admin);
  return { instance: instance.body, done };
}
