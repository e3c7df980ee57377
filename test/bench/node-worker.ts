import { Engine } from '../../apps/engine/src/engine.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';
import { inProcessThroughput } from './throughput.js';

/**
 * One engine process of the scale-out run: `node node-worker.js <url> <instances> <workers> <name>`.
 * Prints one JSON line: its throughput, the CPU it spent, its RSS.
 */
async function main(): Promise<void> {
  const [url, instances, workers, name] = process.argv.slice(2);
  // Room for the job executor's lanes beside the clients, and patience for a new connection on a
  // machine whose cores the other nodes and PostgreSQL keep busy.
  const dataSource = createDataSource(url, { poolSize: Number(workers) + 10, connectTimeoutMs: 30_000 });
  await dataSource.initialize();
  const engine = new Engine({ dataSource, nodeId: name, jobPollIntervalMs: 100 });
  installDossiers(engine);
  engine.jobs.start();
  // Every node starts its clients at the same moment: the parent says "go" once all are ready.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const cpu = process.cpuUsage();
  const result = await inProcessThroughput(engine, Number(instances), Number(workers));
  const used = process.cpuUsage(cpu);
  await engine.jobs.stop();
  await dataSource.destroy();
  process.stdout.write(`${JSON.stringify({ ...result, cpuMs: (used.user + used.system) / 1000, rss: process.memoryUsage().rss })}\n`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
