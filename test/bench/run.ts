import { benchDueDates } from './calendar-bench.js';
import { startBenchDatabase } from './bench-database.js';
import { pgbenchTps } from './pgbench.js';
import { measureCpu } from './cpu-split.js';
import { benchEngine, httpLatencyAtRate, httpThroughput, inProcessThroughput, peerThroughput, serveBench } from './throughput.js';
import { timerLateness } from './timers.js';
import { scaleQueries } from './scale-queries.js';
import { scaleOut } from './scale-out.js';
import { Engine } from '../../apps/engine/src/engine.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';

/**
 * `npm run bench`: every figure measured in one run on one embedded PostgreSQL, printed side by
 * side with the baselines of issue #9. Options: --instances N (default 1000), --workers N (16),
 * --quick (smaller runs, for a smoke test).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const quick = args.includes('--quick');
  const instances = opt('instances', quick ? 100 : 1000);
  const workers = opt('workers', 16);
  const rows: [string, string, string][] = [];
  const line = (what: string, value: string, target = '') => {
    rows.push([what, value, target]);
    console.log(`  ${what}: ${value}${target ? `   (${target})` : ''}`);
  };
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

  console.log(`OneDoor benchmark — ${instances} instances × 7 steps, ${workers} workers, ${new Date().toISOString()}`);
  const server = await startBenchDatabase();
  try {
    const calendarRun = await benchDueDates(quick ? 100_000 : 1_000_000);
    line('due-date computations (dossierDueAt, 10 days)', `${fmt(calendarRun.count)} in ${fmt(calendarRun.ms)} ms = ${fmt(calendarRun.perSecond)}/s`);

    const engineUrl = await server.createDatabase('bench_engine');
    const { engine, dataSource, calendar } = await benchEngine(engineUrl);
    await inProcessThroughput(engine, Math.min(50, instances), workers); // warm-up: JIT, pools, caches
    const a = await measureCpu(() => inProcessThroughput(engine, instances, workers));
    line('(a) engine command API, in process', `${fmt(a.perSecond)} completions/s`);

    const { app, baseUrl, token } = await serveBench(engine, calendar);
    await httpThroughput(baseUrl, token, Math.min(30, instances), workers);
    const b = await measureCpu(() => httpThroughput(baseUrl, token, instances, workers));
    line('(b) HTTP with authentication (list + complete)', `${fmt(b.perSecond)} completions/s`);
    // Measured here, before the peer runs in this same process and adds its own heap.
    const rssMb = process.memoryUsage().rss / 1024 / 1024;

    const peerUrl = await server.createDatabase('bench_peer');
    const c = await measureCpu(() => peerThroughput(peerUrl, instances, workers));
    line('(c) peer: bpmn-engine, state in jsonb per wait state', `${fmt(c.perSecond)} completions/s`, 'measured before: ≈155');

    const d = await pgbenchTps(await server.createDatabase('bench_pgbench'), workers, quick ? 5 : 15);
    if ('missing' in d) line('(d) pgbench -N', 'pgbench not found on this machine: not measured');
    else line('(d) pgbench -N (same server)', `${fmt(d.tps)} TPS`, 'measured before: ≈7,700');

    const split = (r: { engineMsPer: number; postgresMsPer: number | undefined }) =>
      `node process ${fmt(r.engineMsPer, 2)} ms + PostgreSQL ${r.postgresMsPer === undefined ? 'not measured (no /proc)' : `${fmt(r.postgresMsPer, 2)} ms`}`;
    line('CPU per completion (a)', split(a));
    line('CPU per completion (b), load generator in the same process', split(b));
    line('CPU per completion (c)', split(c));
    line('ratio (a)/(c)', `${fmt(a.perSecond / c.perSecond, 1)}×`, 'target ≥ 10×');
    line('ratio (b)/(c)', `${fmt(b.perSecond / c.perSecond, 1)}×`, 'target ≥ 5×');
    if (!('missing' in d)) line('ratio (a)/(d)', `${fmt(a.perSecond / d.tps, 2)}`, 'target ≥ 0.2');

    const latency = await httpLatencyAtRate(baseUrl, token, Math.max(10, Math.round(b.perSecond / 2)), quick ? 3 : 10);
    line(`complete-task latency over HTTP at ${fmt(latency.rate)}/s (50% of max)`, `p50 ${fmt(latency.p50, 1)} ms, p95 ${fmt(latency.p95, 1)} ms, p99 ${fmt(latency.p99, 1)} ms`);
    line('engine RSS after the throughput runs (a)+(b)', `${fmt(rssMb)} MB`, 'target < 300 MB');
    await app.close();

    const nodes = opt('nodes', 2);
    if (nodes > 0) {
      const out = await scaleOut(engine, engineUrl, nodes, instances, Math.max(2, Math.floor(workers / nodes)));
      line(`scale-out: ${nodes} engine processes on one database`, `${fmt(out.perSecond)} completions/s; ${fmt(out.completedInstances)}/${fmt(out.expectedInstances)} instances completed, ${out.duplicateSteps} duplicated steps, ${out.openTasks} tasks left; max RSS ${fmt(out.maxRssMb)} MB`, '2 cores shared with PostgreSQL');
    }

    const scale = await scaleQueries(engine, quick ? 100_000 : 1_000_000, quick ? 10_000 : 100_000);
    line(`generated ${quick ? '100,000' : '1,000,000'} dossiers + ${quick ? '10,000' : '100,000'} open tasks (set-based SQL)`, `${fmt(scale.generatedMs / 1000, 1)} s`);
    line('overdue tasks of one department (inbox query)', `${fmt(scale.overdueMs, 1)} ms`, 'target < 50 ms');
    line('II.06a for a quarter', `${fmt(scale.reportMs, 0)} ms`, 'target < 1 s');
    line('a dossier’s control sheet', `${fmt(scale.sheetMs, 1)} ms`, 'target < 10 ms');
    console.log(`\nplan, overdue tasks:\n${scale.overduePlan}\n\nplan, II.06a (the dossiers alive in the quarter):\n${scale.reportPlan}\n\nplan, control sheet:\n${scale.sheetPlan}\n`);

    const timerUrl = await server.createDatabase('bench_timers');
    const timerNodes: Engine[] = [];
    for (let i = 0; i < 2; i++) {
      const ds = createDataSource(timerUrl, { poolSize: 10 });
      await ds.initialize();
      if (i === 0) await (await import('../../apps/engine/src/persistence/migrate.js')).migrate(ds);
      const node = new Engine({ dataSource: ds, nodeId: `timer-node-${i}`, jobPollIntervalMs: 100 });
      installDossiers(node);
      timerNodes.push(node);
    }
    const timers = await timerLateness(timerNodes, quick ? 1000 : 10_000);
    line(`timers: ${fmt(timers.count)} due within 20 s, 2 nodes`, `fired ${fmt(timers.fired)} (${timers.firedOnce ? 'each once' : 'NOT exactly once'}), lateness p50 ${fmt(timers.p50)} ms, p99 ${fmt(timers.p99)} ms`, 'target p99 < 1 s');
    for (const n of timerNodes) await n.db.dataSource.destroy();
    await dataSource.destroy();
  } finally {
    await server.stop();
  }
  console.log('\n| measure | value | target / baseline |\n|---|---|---|');
  for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
