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

/**
 * What many spec files start from (the demo organisation, say), built once per server and then
 * copied by PostgreSQL (CREATE DATABASE … TEMPLATE) in milliseconds instead of redone per file.
 */
export interface DatabaseTemplate {
  /** Names the template: [a-z0-9_], short; give a new one when what `prepare` writes changes. */
  name: string;
  /** Writes the template's rows, on a database with every migration applied. */
  prepare(dataSource: DataSource): Promise<void>;
}

const urlOf = (database: string) => serverUrl().replace(/\/[^/]*$/, `/${database}`);

/** A fresh database with every migration applied (and a template's rows), private to the calling spec file. */
export async function createTestDatabase(options: { template?: DatabaseTemplate } = {}): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin.connect();
  try {
    if (options.template) await admin.query(`CREATE DATABASE ${name} TEMPLATE ${await ensureTemplate(admin, options.template)}`);
    else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = urlOf(name);
  const opened: DataSource[] = [];
  const open = async () => {
    const ds = createDataSource(url, { poolSize: 10, applicationName: 'onedoor-test' });
    await ds.initialize();
    opened.push(ds);
    return ds;
  };
  const dataSource = await open();
  if (!options.template) await dataSource.runMigrations({ transaction: 'all' });
  return {
    url,
    dataSource,
    connectAnother: open,
    async close() {
      for (const ds of opened) if (ds.isInitialized) await ds.destroy();
    },
  };
}

/**
 * The template's database, built on first use under an advisory lock (parallel Jest workers wait
 * for one build) and published by renaming, so a half-built template is never copied.
 */
async function ensureTemplate(admin: pg.Client, template: DatabaseTemplate): Promise<string> {
  const name = `tpl_${template.name}`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${building}`);
    const dataSource = createDataSource(urlOf(building), { poolSize: 2, applicationName: 'onedoor-test-template' });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'all' });
      await template.prepare(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}
