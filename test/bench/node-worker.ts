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
  const dataSource = createDataSource(url, { poolSize: Number(workers) + 4 });
  await dataSource.initialize();
  const engine = new Engine({ dataSource, nodeId: name, jobPollIntervalMs: 100 });
  installDossiers(engine);
  engine.jobs.start();
  const cpu = process.cpuUsage();
  const result = await inProcessThroughput(engine, Number(instances), Number(workers));
  const used = process.cpuUsage(cpu);
  await engine.jobs.stop();
  await dataSource.destroy();
  process.stdout.write(`${JSON.stringify({ ...result, cpuMs: (used.user + used.system) / 1000, rss: process.memoryUsage().rss })}\n`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
