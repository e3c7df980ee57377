import { Engine } from '../../apps/engine/src/engine.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';

/**
 * One engine process of the timer run: `node timer-node-worker.js <url> <name>`. It does what a
 * node does with timers — its job executor polls due jobs and fires them — from "go" until
 * "stop" on stdin, then prints one JSON line: the CPU it spent and its RSS.
 */
/**
 * Lanes per node: timers only touch the database, and on the 2-core bench machine PostgreSQL's
 * cores are the limit — 4 lanes on each of the 2 nodes fired 10,000 timers with p99 lateness
 * ~0.7 s, where 8 gave ~1.1 s and 16 gave 1.3–2.4 s (ONEDOOR_JOB_CONCURRENCY in production).
 */
const TIMER_LANES = 4;

async function main(): Promise<void> {
  const [url, name] = process.argv.slice(2);
  const dataSource = createDataSource(url, { poolSize: 24, connectTimeoutMs: 30_000 });
  await dataSource.initialize();
  const engine = new Engine({ dataSource, nodeId: name, jobPollIntervalMs: 100, jobConcurrency: TIMER_LANES });
  installDossiers(engine);
  process.stdout.write('ready\n');
  const lines = lineReader();
  await lines.next('go');
  const cpu = process.cpuUsage();
  engine.jobs.start();
  await lines.next('stop');
  await engine.jobs.stop();
  const used = process.cpuUsage(cpu);
  await dataSource.destroy();
  process.stdout.write(`${JSON.stringify({ cpuMs: (used.user + used.system) / 1000, rss: process.memoryUsage().rss })}\n`);
}

/** Waits for a given line on stdin (the parent's "go", then its "stop"). */
function lineReader() {
  let buffered = '';
  const seen = new Set<string>();
  const waiting: { line: string; resolve: () => void }[] = [];
  process.stdin.on('data', (chunk) => {
    buffered += chunk;
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i).trim();
      buffered = buffered.slice(i + 1);
      seen.add(line);
      const at = waiting.findIndex((w) => w.line === line);
      if (at >= 0) waiting.splice(at, 1)[0].resolve();
    }
  });
  return { next: (line: string) => new Promise<void>((resolve) => (seen.has(line) ? resolve() : waiting.push({ line, resolve }))) };
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
