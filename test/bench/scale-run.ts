import { startBenchDatabase } from './bench-database.js';
import { benchEngine } from './throughput.js';
import { printScale, scaleOptions, scaleQueries } from './scale-queries.js';

/**
 * The history-at-scale part of `npm run bench` on its own (issue #22), for a long run on a quiet
 * machine: `npm run build:engine && node dist/test/bench/scale-run.js --dossiers 10000000`
 * (`--quick`: 100,000 dossiers).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = scaleOptions(args, args.includes('--quick'));
  console.log(`OneDoor history at scale — ${options.dossiers.toLocaleString('en-US')} finished dossiers, ${new Date().toISOString()}`);
  const server = await startBenchDatabase();
  try {
    const url = await server.createDatabase('bench_scale');
    const { engine, dataSource } = await benchEngine(url);
    printScale(await scaleQueries(engine, options), (what, value, target = '') => console.log(`  ${what}: ${value}${target ? `   (${target})` : ''}`));
    await engine.jobs.stop();
    await dataSource.destroy();
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
