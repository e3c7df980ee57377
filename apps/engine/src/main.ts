import 'reflect-metadata';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { WorkingCalendar } from '../../../libs/working-calendar/src/index.js';
import { readConfig, type EngineConfig } from './bootstrap/config.js';
import { generateDemoHistory } from './bootstrap/demo-history.js';
import { seedDemoOrganisation } from './bootstrap/demo-organisation.js';
import { deployProcessFolder } from './bootstrap/process-folder.js';
import { CalendarService } from './calendar/calendar-service.js';
import { installDossiers } from './dossiers/index.js';
import { PortalOutboxDelivery } from './portal-sync/outbox-delivery.js';
import { portalSyncConfig } from './portal-sync/portal-sync-config.js';
import { createApp } from './create-app.js';
import { Engine } from './engine.js';
import { AccessTokens } from './identity/access-token.js';
import { Organisation } from './identity/organisation.js';
import { createDataSource } from './persistence/data-source.js';
import { startEmbeddedDatabase } from './persistence/embedded-database.js';
import { migrate } from './persistence/migrate.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, API + browser app on one port. */
async function main(): Promise<void> {
  const config = readConfig();
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const pgDir = path.join(config.dataDir, 'pg');
    console.log(`OneDoor: no DATABASE_URL, starting embedded PostgreSQL — data in ${pgDir} (port ${config.embeddedPort})`);
    const embedded = await startEmbeddedDatabase({ dataDir: pgDir, port: config.embeddedPort });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await migrate(dataSource);

  let calendar: CalendarService | undefined;
  const engine = new Engine({
    dataSource,
    calendar: () => calendar!.current(),
    jobPollIntervalMs: config.jobPollIntervalMs,
    instanceCacheSize: config.instanceCacheSize,
    log: (m) => console.warn(m),
  });
  calendar = new CalendarService(engine.db);
  await calendar.reload();
  installDossiers(engine);
  const organisation = new Organisation(engine.db);
  if (config.demo) {
    const users = await seedDemoOrganisation(organisation, path.join(config.processesDir, 'organisation.json'));
    console.log(`OneDoor: demo organisation seeded (${users} users, password "demo")`);
  }
  if (config.adminPassword) {
    await organisation.upsertUser({ username: 'admin', password: config.adminPassword, fullName: 'Quản trị hệ thống', departmentCode: null, roles: ['admin', 'designer', 'manager'] });
    console.log('OneDoor: user admin set from ONEDOOR_ADMIN_PASSWORD');
  }
  if (config.demo) {
    const deployed = await deployProcessFolder(engine, config.processesDir);
    const definitions = deployed.flatMap((d) => d.processDefinitions);
    console.log(`OneDoor: ${definitions.length} procedure versions from processes/ (${definitions.filter((d) => d.isNew).length} new)`);
  }
  const tokens = new AccessTokens(await organisation.signingKey());
  const app = await createApp({ engine, organisation, tokens, calendar }, { webRoot: config.webRoot });
  engine.jobs.start();
  // National-portal sync: delivery runs when ONEDOOR_PORTAL_URL is set; records queue meanwhile.
  const portal = new PortalOutboxDelivery(engine.db, { ...portalSyncConfig(), nodeId: engine.nodeId, log: (m: string) => console.warn(m) });
  portal.start();
  await app.listen(config.port, config.host);
  console.log(`OneDoor: listening on http://localhost:${config.port} (API /api, docs /api/docs, modeler /modeler/)`);
  if (config.demo) void seedDemoHistoryOnce(dataSource, config, () => calendar!.current());

  const shutdown = async () => {
    await engine.jobs.stop();
    await portal.stop();
    await app.close();
    await dataSource.destroy();
    await stopEmbedded?.();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** First start in demo mode: measured history for the comparisons and reports, in the background. */
async function seedDemoHistoryOnce(dataSource: DataSource, config: EngineConfig, calendar: () => WorkingCalendar): Promise<void> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM dossier`)) as { n: number }[];
  if (n > 0) return;
  console.log('OneDoor: generating demo history (dossiers through old and simplified procedures)…');
  const result = await generateDemoHistory(dataSource, {
    seed: 2026,
    perVersion: 30,
    startAt: new Date('2026-03-02T00:30:00Z'),
    organisationFile: path.join(config.processesDir, 'organisation.json'),
    calendar,
  });
  console.log(`OneDoor: demo history ready — ${result.dossiers} dossiers, ${result.finished} finished, ${result.late} late`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
