import { Engine } from '../../apps/engine/src/engine.js';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';
import { migrate } from '../../apps/engine/src/persistence/migrate.js';
import { installDossiers } from '../../apps/engine/src/dossiers/index.js';
import { startBenchDatabase } from './bench-database.js';
import { timerLateness } from './timers.js';

/**
 * The timer part of `npm run bench` on its own (issue #22): `npm run build:engine && node
 * dist/test/bench/timer-run.js [--timers N] [--nodes N]` — N timers (10,000) falling due within
 * 10 s, fired by N engine processes (2).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const count = opt('timers', 10_000);
  const nodes = opt('nodes', 2);
  const server = await startBenchDatabase();
  try {
    const url = await server.createDatabase('bench_timers');
    const dataSource = createDataSource(url, { poolSize: 24 });
    await dataSource.initialize();
    await migrate(dataSource);
    const preparer = new Engine({ dataSource, nodeId: 'timer-setup' });
    installDossiers(preparer);
    const t = await timerLateness(preparer, url, nodes, count);
    console.log(
      `timers: ${t.count} due within 10 s, ${nodes} engine processes: fired ${t.fired} (${t.firedOnce ? 'each once' : 'NOT exactly once'}), ` +
        `lateness p50 ${Math.round(t.p50)} ms, p99 ${Math.round(t.p99)} ms, max ${Math.round(t.max)} ms; node CPU ${t.nodeCpuMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' + ')}`,
    );
    await dataSource.destroy();
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
