import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const db = globalThis.__ONEDOOR_TEST_DB__;
  if (!db) return;
  await db.server.stop();
  await rm(db.root, { recursive: true, force: true });
}
