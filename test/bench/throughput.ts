import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR, type Actor } from '../../apps/engine/src/commands/command.js';
import { CompleteTask } from '../../apps/engine/src/commands/complete-task.js';
import { DeployProcedures } from '../../apps/engine/src/commands/deploy-procedures.js';
import { StartInstance } from '../../apps/engine/src/commands/start-instance.js';
import { createApp } from '../../apps/engine/src/create-app.js';
import { CalendarService } from '../../apps/engine/src/persistence/calendar/calendar-service.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';
import { Engine } from '../../apps/engine/src/engine.js';
import { AccessTokens } from '../../apps/engine/src/identity/access-token.js';
import { Organisation } from '../../apps/engine/src/persistence/identity/organisation.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { migrate } from '../../apps/engine/src/persistence/migrate.js';
import { percentile, runWorkers } from './bench-database.js';
import { request } from './http-client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The bench's procedure: 7 user tasks in a row, all for department BENCH. */
export const fixture = () => readFile(path.join(here, '..', '..', '..', 'test', 'bench', 'fixtures', 'linear-7.bpmn'), 'utf8').catch(() => readFile(path.join(here, 'fixtures', 'linear-7.bpmn'), 'utf8'));
export const STEPS = 7;

export interface ThroughputResult {
  completions: number;
  ms: number;
  perSecond: number;
}

const officer: Actor = { username: 'bench', departmentCode: 'BENCH', roles: ['officer'] };

/** A fresh engine node on a migrated database, with the linear procedure deployed. */
export async function benchEngine(url: string, nodeId = 'bench', options: { groupCommit?: boolean; commitSlots?: number } = {}) {
  const dataSource = createDataSource(url, { poolSize: 40 });
  await dataSource.initialize();
  await migrate(dataSource);
  let calendar: CalendarService | undefined;
  const engine = new Engine({ dataSource, calendar: () => calendar!.current(), nodeId, jobPollIntervalMs: 200, ...options });
  calendar = new CalendarService(engine.db);
  await calendar.reload();
  installDossiers(engine);
  await engine.execute(new DeployProcedures('bench', [{ name: 'linear-7.bpmn', xml: await fixture() }]), SYSTEM_ACTOR);
  return { engine, dataSource, calendar };
}

/** (a) start + complete every step through the command API, in process. */
export async function inProcessThroughput(engine: Engine, instances: number, workers: number): Promise<ThroughputResult> {
  const ms = await runWorkers(Array.from({ length: instances }, (_, i) => i), workers, async () => {
    // The commands say which tasks they opened, as an in-process client would use them.
    let { openedTaskIds } = await engine.execute(new StartInstance({ key: 'linear-7' }), officer);
    for (let step = 0; step < STEPS; step++) {
      ({ openedTaskIds } = await engine.execute(new CompleteTask(openedTaskIds[0], { step }), officer));
    }
  });
  const completions = instances * STEPS;
  return { completions, ms, perSecond: (completions / ms) * 1000 };
}

/** (b) the same over HTTP with authentication: list my department's task, complete it. */
export async function httpThroughput(baseUrl: string, token: string, instances: number, workers: number, latencies?: number[]): Promise<ThroughputResult> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const ms = await runWorkers(Array.from({ length: instances }, (_, i) => i), workers, async () => {
    const started = await request(`${baseUrl}/api/process-definitions/key/linear-7/start`, 'POST', headers, '{}');
    const { id } = JSON.parse(started.body) as { id: string };
    for (let step = 0; step < STEPS; step++) {
      const list = await request(`${baseUrl}/api/tasks?processInstanceId=${id}`, 'GET', headers);
      const [task] = JSON.parse(list.body) as { id: string }[];
      const t0 = performance.now();
      const res = await request(`${baseUrl}/api/tasks/${task.id}/complete`, 'POST', headers, `{"variables":{"step":${step}}}`);
      latencies?.push(performance.now() - t0);
      if (res.status !== 204) throw new Error(`complete answered ${res.status}`);
    }
  });
  const completions = instances * STEPS;
  return { completions, ms, perSecond: (completions / ms) * 1000 };
}

/** Serves the engine over HTTP on a free port; returns its URL and a signed-in officer's token. */
export async function serveBench(engine: Engine, calendar: CalendarService) {
  const organisation = new Organisation(engine.db);
  await organisation.upsertDepartment({ code: 'BENCH', name: 'Phòng đo hiệu năng', parentCode: null });
  await organisation.upsertUser({ username: 'bench', password: 'bench-password', fullName: 'Bench', departmentCode: 'BENCH', roles: ['officer'] });
  const tokens = new AccessTokens(await organisation.signingKey());
  const app = await createApp({ engine, organisation, tokens, calendar }, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password' }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { app, baseUrl, token: accessToken };
}

/**
 * Complete-task latency over HTTP at a steady offered rate (open loop: requests start on a
 * schedule whether or not earlier ones finished), for `seconds`.
 */
export async function httpLatencyAtRate(baseUrl: string, token: string, completionsPerSecond: number, seconds: number) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  // Prepare enough open tasks first: instances waiting at step 1.
  const total = Math.ceil(completionsPerSecond * seconds);
  const taskIds: string[] = [];
  await runWorkers(Array.from({ length: total }, (_, i) => i), 16, async () => {
    const res = await request(`${baseUrl}/api/process-definitions/key/linear-7/start`, 'POST', headers, '{}');
    const { id } = JSON.parse(res.body) as { id: string };
    const list = await request(`${baseUrl}/api/tasks?processInstanceId=${id}`, 'GET', headers);
    taskIds.push((JSON.parse(list.body) as { id: string }[])[0].id);
  });
  const latencies: number[] = [];
  // Requests over 50 ms, counted per second of the run: a tail that clusters in one second points
  // at a pause (checkpoint, vacuum, GC); one spread evenly points at the request path itself.
  const slowPerSecond = new Array<number>(Math.ceil(seconds) + 1).fill(0);
  const interval = 1000 / completionsPerSecond;
  const started = performance.now();
  const measuredFrom = Date.now();
  await Promise.all(
    taskIds.map(async (taskId, i) => {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      await request(`${baseUrl}/api/tasks/${taskId}/complete`, 'POST', headers, '{}');
      const ms = performance.now() - t0;
      latencies.push(ms);
      if (ms > 50) slowPerSecond[Math.min(slowPerSecond.length - 1, Math.floor((t0 - started) / 1000))]++;
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rate: completionsPerSecond, requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, slowPerSecond, measuredFrom };
}
