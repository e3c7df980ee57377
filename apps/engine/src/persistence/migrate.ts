import type { DataSource } from 'typeorm';

/**
 * Applies pending migrations. Several engine nodes may start at once on one database: an
 * advisory lock makes them take turns, and the later ones find nothing left to do.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('onedoor:migrations'))`);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('onedoor:migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
