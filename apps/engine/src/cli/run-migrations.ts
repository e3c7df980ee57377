import type { DataSource } from 'typeorm';
import { migrate } from '../persistence/migrate.js';
import { appliedMigrations } from '../persistence/schema-state.js';

/**
 * `onedoor migrate`: the schema changes a new version brings, under the same advisory lock the
 * nodes take at start (running it while nodes start is safe). Says what it applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const before = await appliedMigrations(dataSource);
  await migrate(dataSource);
  const after = await appliedMigrations(dataSource);
  const applied = after.filter((name) => !before.includes(name));
  if (applied.length === 0) return [`schema up to date (${after.length} migrations applied earlier)`];
  return [`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`, ...applied.map((name) => `  ${name}`)];
}
