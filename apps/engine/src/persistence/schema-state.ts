import type { DataSource } from 'typeorm';

/** Whether the database has no schema yet (no migration ever ran). */
export async function schemaMissing(dataSource: Pick<DataSource, 'query'>): Promise<boolean> {
  const [{ pending }] = (await dataSource.query(`SELECT to_regclass('schema_migration') IS NULL AS pending`)) as { pending: boolean }[];
  return pending;
}

/** The names of the migrations applied, oldest first (none before the first start). */
export async function appliedMigrations(dataSource: Pick<DataSource, 'query'>): Promise<string[]> {
  const [{ exists }] = (await dataSource.query(`SELECT to_regclass('schema_migration') IS NOT NULL AS exists`)) as { exists: boolean }[];
  if (!exists) return [];
  const rows = (await dataSource.query(`SELECT name FROM schema_migration ORDER BY id`)) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Whether any dossier was ever received (the demo history is seeded into an empty database only). */
export async function hasDossiers(dataSource: Pick<DataSource, 'query'>): Promise<boolean> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM dossier`)) as { n: number }[];
  return n > 0;
}
