import 'reflect-metadata';
import path from 'node:path';
import { generateDemoHistory } from './bootstrap/demo-history.js';
import { readConfig } from './bootstrap/config.js';
import { CalendarService } from './persistence/calendar/calendar-service.js';
import { createDataSource } from './persistence/data-source.js';
import { Database } from './persistence/database.js';
import { startEmbeddedDatabase } from './persistence/embedded-database.js';
import { migrate } from './persistence/migrate.js';

/** `npm run demo:history [-- --seed 7 --per-version 40]`: adds demo dossiers to the configured database. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const config = readConfig();
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPort });
    url = embedded.url;
    stop = embedded.stop;
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await migrate(dataSource);
  const calendar = new CalendarService(new Database(dataSource));
  await calendar.reload();
  const result = await generateDemoHistory(dataSource, {
    seed: arg('seed', 2026),
    perVersion: arg('per-version', 30),
    startAt: new Date('2026-03-02T00:30:00Z'),
    organisationFile: path.join(config.processesDir, 'organisation.json'),
    calendar: () => calendar.current(),
    log: (m) => console.log(m),
  });
  console.log(`demo history: ${result.dossiers} dossiers, ${result.finished} finished, ${result.late} late`);
  await dataSource.destroy();
  await stop?.();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
