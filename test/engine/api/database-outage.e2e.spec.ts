import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** Polls until `check` passes or the time is up; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const began = Date.now();
  while (Date.now() - began < ms) {
    if (await check()) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${ms} ms`);
}

/**
 * Issue #16: the database goes away under a running engine node and comes back. The node
 * stays up, says honestly that it can't serve (503 with Retry-After, /health naming the
 * database), its job executor pauses, and it serves again by itself when the database returns.
 */
describe('an engine node through a database outage (HTTP)', () => {
  let t: TestEngine;
  let admin: string;
  let reception: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true, jobs: true, proxy: true });
    admin = await t.login('admin');
    reception = await t.login('motcua.syt');
  });
  afterAll(() => t.close());

  it('given a healthy node, then /health answers 200 with the database up and the job executor running', async () => {
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' }, jobExecutor: 'running' });
  });

  it('given the database becomes unreachable, then API calls answer 503 in the API error shape with Retry-After, and /health names the database', async () => {
    await t.proxy!.cut();
    const tasks = await t.http.get('/api/tasks').set('Authorization', reception);
    expect(tasks.status).toBe(503);
    expect(tasks.headers['retry-after']).toBe('5');
    expect(tasks.body).toEqual({ statusCode: 503, error: 'Service unavailable', code: 'UNAVAILABLE', message: expect.stringMatching(/database is unavailable/), details: expect.any(Array) });

    const start = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Nguyễn Văn A' }, channel: 'direct' });
    expect(start.status).toBe(503);
    expect(start.body.message).toMatch(/nothing was changed/);

    const health = await t.http.get('/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.body).toMatchObject({ statusCode: 503, status: 'unavailable', database: { status: 'down', since: expect.any(String) }, message: expect.stringMatching(/database unreachable/) });

    const metrics = await t.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('onedoor_database_up 0');
  });

  it('given the outage goes on, then the job executor pauses instead of failing its jobs', async () => {
    await within(5_000, async () => t.engine.jobs.state === 'paused');
    const health = await t.http.get('/health');
    expect(health.body.jobExecutor).toBe('paused');
  });

  it('given the database returns, then the same node serves again within seconds, without a restart', async () => {
    await t.proxy!.restore();
    const took = await within(10_000, async () => (await t.http.get('/health')).status === 200);
    expect(took).toBeLessThan(10_000);
    expect(t.engine.jobs.state).toBe('running');
    const received = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Nguyễn Văn A' }, channel: 'direct' });
    expect(received.status).toBe(201);
    const tasks = await t.http.get(`/api/tasks?processInstanceId=${received.body.processInstanceId}`).set('Authorization', admin);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toHaveLength(1);
  });

  it('given a task completed while the connection drops mid-request, then a retry answers 204 once and 409/404 after, never a double step', async () => {
    const received = await t.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Trần Thị B' }, channel: 'direct' });
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${received.body.processInstanceId}`).set('Authorization', admin)).body;
    const worker = await t.login('motcua.syt');
    // Cut while the completion is on its way: it either committed or did not.
    const [first] = await Promise.all([t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', worker).send({}), t.proxy!.cut()]);
    expect([204, 503]).toContain(first.status);
    await t.proxy!.restore();
    await within(10_000, async () => (await t.http.get('/health')).status === 200);
    const retry = await t.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', worker).send({});
    expect(first.status === 204 ? [404, 409] : [204]).toContain(retry.status);
    const history = await t.http.get(`/api/process-instances/${received.body.processInstanceId}/history`).set('Authorization', admin);
    const completions = history.body.filter((h: { activityId: string; endedAt: string | null }) => h.activityId === task.elementId && h.endedAt);
    expect(completions).toHaveLength(1);
  });
});
