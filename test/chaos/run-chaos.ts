import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../../apps/engine/src/commands/command.js';
import { DeployProcedures } from '../../apps/engine/src/commands/deploy-procedures.js';
import { seedDemoOrganisation } from '../../apps/engine/src/bootstrap/demo-organisation.js';
import { Engine } from '../../apps/engine/src/engine.js';
import { Organisation } from '../../apps/engine/src/persistence/identity/organisation.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { migrate } from '../../apps/engine/src/persistence/migrate.js';
import { chaosDatabase, type ChaosDatabase } from './chaos-database.js';
import { ChaosClient, Tally } from './chaos-client.js';
import { EngineNode } from './engine-node.js';
import { acceptable, hostileRequest, routesOf, type HostileRequest } from './hostile-requests.js';

export interface ChaosOptions {
  /** How long dossiers keep being received while faults happen. */
  loadMs: number;
  nodes: number;
  /** Virtual officers working dossiers at once. */
  workers: number;
  /** SIGKILLs of a node (restarted a moment later). */
  kills: number;
  /** SIGTERMs of a node under load (a rolling restart): it must drain and exit 0, then starts again. */
  drains?: number;
  /** Database stops and starts. */
  databaseRestarts: number;
  /** How long the database stays down each time. */
  databaseDownMs: number;
  /** Hostile requests per second, spread over the nodes (0: none). */
  fuzzPerSecond: number;
  databaseUrl?: string;
  stopCommand?: string;
  startCommand?: string;
  seed?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  dossiers: number;
  kills: number;
  /** Nodes stopped with SIGTERM under load: each one's exit code. */
  drains: (number | null)[];
  databaseRestarts: number;
  restartKind: string;
  hostileInputs: number;
  lost: string[];
  twice: string[];
  serverErrors: string[];
  unexpectedExits: string[];
  /** After each database start: until every node answered /health 200 again. */
  recoveredMs: number[];
  /** SIGTERM at the end: each node's exit code and how long it took. */
  gracefulStops: { node: string; code: number | null; ms: number }[];
  requests: number;
  unanswered: number;
  elapsedMs: number;
  summary: string;
}

const PROCEDURE = 'chaos-dossier';

/** The repository root, whether this runs from test/chaos (Jest) or dist/test/chaos (npm run chaos). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue #16's chaos run: engine processes on one database under load, one killed and restarted,
 * the database stopped and started, hostile input all along. Then it counts what the faults did:
 * dossiers acknowledged but not finished (lost), steps or timers that ran twice, server errors
 * other than 503, processes that exited by themselves; and how fast the nodes served again.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const began = Date.now();
  const root = repoRoot();
  const mainJs = path.join(root, 'dist', 'apps', 'engine', 'src', 'main.js');
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build the engine first (npm run build:engine)`);

  const database = await chaosDatabase(options);
  const nodes: EngineNode[] = [];
  try {
    await prepare(database.url, root);
    const basePort = 41000 + Math.floor(Math.random() * 10000);
    for (let i = 0; i < options.nodes; i++) {
      nodes.push(
        new EngineNode(`node-${i + 1}`, basePort + i, mainJs, {
          DATABASE_URL: database.url,
          ONEDOOR_DEMO: '0',
          ONEDOOR_JOB_POLL_MS: '200',
          // A killed node's jobs are taken by the other after this.
          ONEDOOR_JOB_LOCK_MS: '3000',
          ONEDOOR_SHUTDOWN_TIMEOUT_MS: '15000',
        }),
      );
    }
    for (const node of nodes) node.start();
    await Promise.all(nodes.map((node) => node.healthy()));
    log(`${nodes.length} engine nodes up on ${database.url.replace(/:[^:@/]+@/, ':***@')}`);

    const tally = new Tally();
    // Like a load balancer with health checks: requests go to the nodes that passed theirs since
    // they last started (to every node while none has); a node killed under a request costs a retry.
    const everyNode = new ChaosClient(() => {
      const up = nodes.filter((n) => n.ready);
      return (up.length ? up : nodes).map((n) => n.baseUrl);
    }, tally);
    const login = async (username: string) => {
      const answer = await everyNode.request('POST', '/api/auth/login', { body: { username, password: 'demo' } });
      if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
      return `Bearer ${(answer.body as { accessToken: string }).accessToken}`;
    };
    const tokens = {
      admin: await login('admin'),
      SYT_MOTCUA: await login('motcua.syt'),
      SYT_BTXH: await login('chuyenvien.btxh'),
      SYT_LANHDAO: await login('lanhdao.syt'),
    };

    const state = { loadUntil: Date.now() + options.loadMs, databaseAway: false, stopFuzz: false };
    const acknowledged: { code: string; instanceId: string }[] = [];
    const stuck: string[] = [];

    // Officers: receive a dossier, work it to the end, take the next.
    const officer = async (n: number) => {
      for (let i = 0; Date.now() < state.loadUntil; i++) {
        const received = await everyNode.request('POST', '/api/dossiers', {
          token: tokens.SYT_MOTCUA,
          body: { procedureKey: PROCEDURE, applicant: { name: `Người thử ${n}-${i}` }, channel: 'direct' },
          idempotencyKey: randomUUID(),
        });
        if (received.status !== 201) throw new Error(`reception answered ${received.status}: ${JSON.stringify(received.body)}`);
        const dossier = received.body as { code: string; processInstanceId: string };
        acknowledged.push({ code: dossier.code, instanceId: dossier.processInstanceId });
        if (!(await workToEnd(everyNode, tokens, dossier.processInstanceId))) stuck.push(dossier.code);
      }
    };
    const officers = Promise.all(Array.from({ length: options.workers }, (_, n) => officer(n)));

    // Hostile input all along, at every node.
    let hostile = 0;
    const fuzzer = (async () => {
      if (options.fuzzPerSecond <= 0) return;
      const fuzzAdmin = await login('fuzz.admin');
      const docs = await everyNode.request('GET', '/api/docs-json');
      const samples = await Promise.all((await readdir(path.join(root, 'processes'))).filter((f) => f.endsWith('.bpmn')).map((f) => readFile(path.join(root, 'processes', f), 'utf8')));
      // Routes that end the caller's sessions would sign the officers out (they share a token with
      // the fuzzer), not test the server: their own specs cover them.
      const endsSessions = ['/api/auth/logout', '/api/auth/password', '/api/auth/sessions/end-others', '/api/users/{username}/end-sessions'];
      const routes = routesOf(docs.body as { paths: Record<string, object> }).filter((r) => !endsSessions.includes(r.path));
      const generator = hostileRequest(routes, samples, [fuzzAdmin.slice(7), tokens.SYT_BTXH.slice(7)]);
      for (let batch = 0; !state.stopFuzz; batch++) {
        for (const request of fc.sample(generator, { numRuns: 20, seed: (options.seed ?? 16) + batch })) {
          if (state.stopFuzz) break;
          await sendHostile(nodes, request, tally, state.databaseAway);
          hostile += 1;
          await sleep(1_000 / options.fuzzPerSecond);
        }
      }
    })();

    // Faults, spread over the load period.
    const faults: ('kill' | 'restart' | 'drain')[] = [];
    for (let i = 0; i < Math.max(options.kills, options.databaseRestarts, options.drains ?? 0); i++) {
      if (i < options.kills) faults.push('kill');
      if (i < options.databaseRestarts) faults.push('restart');
      if (i < (options.drains ?? 0)) faults.push('drain');
    }
    const drains: (number | null)[] = [];
    const recoveredMs: number[] = [];
    let kills = 0;
    let restarts = 0;
    const loadStart = state.loadUntil - options.loadMs;
    const gap = options.loadMs / (faults.length + 1);
    for (const [i, fault] of faults.entries()) {
      await sleep(Math.max(0, loadStart + gap * (i + 1) - Date.now()));
      if (fault === 'drain') {
        const node = nodes[(kills + drains.length + 1) % nodes.length];
        log(`SIGTERM ${node.name} under load`);
        const code = await node.terminate();
        drains.push(code);
        log(`${node.name} drained, exit ${code}`);
        if (code !== 0) log(`${node.name} printed:\n${node.log}`);
        // What held its shutdown up, if anything (requests it waited for, connections it cut).
        else for (const line of node.log.split('\n').filter((l) => l.includes('while stopping'))) log(line);
        node.start();
        void node.healthy().catch((e: Error) => log(e.message));
      } else if (fault === 'kill') {
        const node = nodes[kills % nodes.length];
        log(`SIGKILL ${node.name}`);
        await node.kill();
        kills += 1;
        await sleep(1_000);
        node.start();
        void node.healthy().then((ms) => log(`${node.name} restarted, serving after ${ms} ms`), (e: Error) => log(e.message));
      } else {
        log(`database: stopping for ${options.databaseDownMs} ms`);
        state.databaseAway = true;
        await database.stop();
        await sleep(options.databaseDownMs);
        await database.start();
        const startedAt = Date.now();
        restarts += 1;
        // A node that died instead is in its exits, reported below.
        await Promise.all(nodes.filter((n) => n.running).map((n) => n.healthy(60_000).catch((e: Error) => log(e.message))));
        recoveredMs.push(Date.now() - startedAt);
        state.databaseAway = false;
        log(`database back; every node serving again after ${recoveredMs.at(-1)} ms`);
      }
    }

    await officers;
    state.stopFuzz = true;
    await fuzzer;
    await Promise.all(nodes.map((n) => n.healthy(60_000).catch((e: Error) => log(e.message))));
    log(`load done: ${acknowledged.length} dossiers acknowledged`);

    const { lost, twice } = await verify(database, acknowledged, stuck);
    const unexpectedExits = nodes.flatMap((n) => n.exits.filter((e) => !e.expected).map((e) => `${e.node} exited by itself (code ${e.code}, signal ${e.signal}):\n${n.log.slice(-2000)}`));

    const gracefulStops: ChaosReport['gracefulStops'] = [];
    for (const node of nodes) {
      const t0 = Date.now();
      const code = await node.terminate();
      gracefulStops.push({ node: node.name, code, ms: Date.now() - t0 });
      if (code !== 0) log(`${node.name} did not stop cleanly (exit ${code}):\n${node.log.slice(-1500)}`);
    }

    const report: ChaosReport = {
      dossiers: acknowledged.length,
      kills,
      drains,
      databaseRestarts: restarts,
      restartKind: database.restartKind,
      hostileInputs: hostile,
      lost,
      twice,
      serverErrors: tally.serverErrors,
      unexpectedExits,
      recoveredMs,
      gracefulStops,
      requests: tally.requests,
      unanswered: tally.unanswered,
      elapsedMs: Date.now() - began,
      summary: '',
    };
    report.summary = summarise(report);
    return report;
  } finally {
    for (const node of nodes) await node.kill().catch(() => undefined);
    await database.close();
  }
}

/** Schema, organisation and the chaos procedure, written before any node starts. */
async function prepare(url: string, root: string): Promise<void> {
  const dataSource = createDataSource(url, { poolSize: 2, applicationName: 'onedoor-chaos' });
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const engine = new Engine({ dataSource, nodeId: 'chaos-setup' });
    const organisation = new Organisation(engine.db);
    await seedDemoOrganisation(organisation, path.join(root, 'processes', 'organisation.json'));
    // The fuzzer's own administrator: whatever it ends or changes, the officers' sessions stay.
    await organisation.upsertUser({ username: 'fuzz.admin', password: 'demo', fullName: 'Fuzzer', departmentCode: null, roles: ['admin', 'designer', 'manager'] });
    const xml = await readFile(path.join(root, 'test', 'chaos', 'chaos-procedure.bpmn'), 'utf8');
    await engine.execute(new DeployProcedures('chaos', [{ name: 'chaos-procedure.bpmn', xml }]), SYSTEM_ACTOR);
  } finally {
    await dataSource.destroy();
  }
}

/** Completes every step of one dossier as the department owning it, until the instance ends. */
async function workToEnd(client: ChaosClient, tokens: Record<string, string>, instanceId: string): Promise<boolean> {
  const giveUp = Date.now() + 180_000;
  while (Date.now() < giveUp) {
    const open = await client.request('GET', `/api/tasks?processInstanceId=${instanceId}`, { token: tokens.admin });
    const tasks = (open.status === 200 ? open.body : []) as { id: string; departmentCode: string }[];
    if (tasks.length === 0) {
      const instance = await client.request('GET', `/api/process-instances/${instanceId}`, { token: tokens.admin });
      if ((instance.body as { state?: string })?.state === 'completed') return true;
      await sleep(300); // the timer branch is still waiting
      continue;
    }
    for (const task of tasks) {
      const done = await client.request('POST', `/api/tasks/${task.id}/complete`, { token: tokens[task.departmentCode], body: {} });
      // 404/409: an earlier attempt whose answer was lost had completed it.
      if (![204, 404, 409].includes(done.status)) throw new Error(`completing ${task.id} answered ${done.status}: ${JSON.stringify(done.body)}`);
    }
  }
  return false;
}

async function sendHostile(nodes: EngineNode[], request: HostileRequest, tally: Tally, databaseAway: boolean): Promise<void> {
  const live = nodes.filter((n) => n.ready);
  if (live.length === 0) return;
  const node = live[Math.floor(Math.random() * live.length)];
  try {
    const response = await fetch(node.baseUrl + request.path, { method: request.method, headers: request.headers, body: request.method === 'GET' ? undefined : request.body, signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    if (acceptable(response.status, databaseAway || response.status === 503)) tally.record(response.status, request.kind, '');
    else tally.record(response.status, `${request.kind} ${request.method} ${request.path.slice(0, 120)}`, text.slice(0, 300));
  } catch {
    tally.unanswered += 1; // the node was killed under it
  }
}

/**
 * Lost: acknowledged but not finished, or not there at all. Twice: any element of the chaos
 * procedure that ran more than once in one dossier (it has no loops), a dossier no client was
 * told about (a repeated creation), a job or incident left behind.
 */
async function verify(database: ChaosDatabase, acknowledged: { code: string; instanceId: string }[], stuck: string[]): Promise<{ lost: string[]; twice: string[] }> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const codes = acknowledged.map((a) => a.code);
    const { rows: finished } = await client.query<{ code: string; state: string }>(
      `SELECT d.code, i.state FROM dossier d JOIN process_instance i ON i.id = d.instance_id WHERE d.code = ANY($1)`,
      [codes],
    );
    const byCode = new Map(finished.map((r) => [r.code, r.state]));
    const lost = [
      ...codes.filter((c) => !byCode.has(c)).map((c) => `${c}: acknowledged, not in the database`),
      ...codes.filter((c) => byCode.has(c) && byCode.get(c) !== 'completed').map((c) => `${c}: ${byCode.get(c)}, not completed${stuck.includes(c) ? ' (stuck)' : ''}`),
    ];
    // A join is entered once per arriving token; every other element of the procedure runs once.
    const { rows: repeats } = await client.query<{ instance_id: string; activity_id: string; n: number }>(
      `SELECT instance_id, activity_id, count(*)::int AS n FROM hist_activity_instance WHERE activity_type NOT LIKE '%Gateway' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    const { rows: extra } = await client.query<{ code: string }>(`SELECT code FROM dossier WHERE NOT (code = ANY($1))`, [codes]);
    const { rows: [left] } = await client.query<{ jobs: number; incidents: number }>(
      `SELECT (SELECT count(*) FROM job WHERE due_at < now() - interval '30 seconds')::int AS jobs, (SELECT count(*) FROM incident)::int AS incidents`,
    );
    const twice = [
      ...repeats.map((r) => `${r.activity_id} ran ${r.n} times in instance ${r.instance_id}`),
      ...extra.map((r) => `${r.code}: a dossier no client was told about`),
      ...(left.jobs > 0 ? [`${left.jobs} jobs due for over 30 s and not run`] : []),
      ...(left.incidents > 0 ? [`${left.incidents} incidents`] : []),
    ];
    return { lost, twice };
  } finally {
    await client.end();
  }
}

function summarise(r: ChaosReport): string {
  const worst = r.recoveredMs.length ? `${(Math.max(...r.recoveredMs) / 1000).toFixed(1)} s` : 'n/a';
  const stops = r.gracefulStops.map((s) => `exit ${s.code} in ${(s.ms / 1000).toFixed(1)} s`).join(', ');
  return (
    `${r.dossiers} dossiers, ${r.kills} kills, ${r.drains.length} drains (exit ${r.drains.join(', ') || '-'}), ${r.databaseRestarts} database restarts, ${r.hostileInputs} hostile inputs: ` +
    `${r.lost.length} lost, ${r.twice.length} twice, ${r.serverErrors.length} 5xx outside 503, ${r.unexpectedExits.length} unexpected exits; ` +
    `recovered in ${worst} (worst of ${r.recoveredMs.length}); SIGTERM: ${stops || 'n/a'}`
  );
}
