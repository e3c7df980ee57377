import { Engine } from '../../apps/engine/src/engine.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';
import { inProcessThroughput } from './throughput.js';

/** One engine process of the scale-out run: `node node-worker.js <url> <instances> <workers> <name>`. */
async function main(): Promise<void> {
  const [url, instances, workers, name] = process.argv.slice(2);
  const dataSource = createDataSource(url, { poolSize: Number(workers) + 4 });
  await dataSource.initialize();
  const engine = new Engine({ dataSource, nodeId: name, jobPollIntervalMs: 100 });
  installDossiers(engine);
  engine.jobs.start();
  const result = await inProcessThroughput(engine, Number(instances), Number(workers));
  await engine.jobs.stop();
  await dataSource.destroy();
  process.stdout.write(`${JSON.stringify({ ...result, rss: process.memoryUsage().rss })}\n`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
