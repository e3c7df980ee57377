import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../apps/engine/src/persistence/data-source.js';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Another data source on the same database: a second engine node. */
  connectAnother(): Promise<DataSource>;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the specs through jest (its global setup starts PostgreSQL)');
  return url;
}

/** A fresh database with every migration applied, private to the calling spec file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl().replace(/\/[^/]*$/, `/${name}`);
  const opened: DataSource[] = [];
  const open = async () => {
    const ds = createDataSource(url, { poolSize: 10, applicationName: 'onedoor-test' });
    await ds.initialize();
    opened.push(ds);
    return ds;
  };
  const dataSource = await open();
  await dataSource.runMigrations({ transaction: 'all' });
  return {
    url,
    dataSource,
    connectAnother: open,
    async close() {
      for (const ds of opened) if (ds.isInitialized) await ds.destroy();
    },
  };
}
