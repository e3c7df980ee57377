import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../apps/engine/src/persistence/embedded-database.js';

/**
 * The bench server's settings beyond the embedded defaults, as a production server for this
 * write volume is set up. max_wal_size: with the default 1 GB, the WAL of the throughput rounds
 * (the peer's jsonb documents above all) requested checkpoints every minute or two; at 4 GB they
 * come from checkpoint_timeout and spread their writes. The latency run still meets one at
 * times, and its tail with it: the run prints the checkpoints it saw.
 */
export const BENCH_SERVER_SETTINGS = { max_wal_size: '4GB' };

/** A private embedded PostgreSQL for one benchmark run (every figure measured on the same server). */
export async function startBenchDatabase(): Promise<{ serverUrl: string; port: number; createDatabase(name: string): Promise<string>; dropDatabase(name: string): Promise<void>; stop(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'onedoor-bench-'));
  const port = 30000 + Math.floor(Math.random() * 10000);
  const dataDir = path.join(root, 'pg');
  const db = await startEmbeddedDatabase({ dataDir, port, databaseName: 'postgres', settings: BENCH_SERVER_SETTINGS });
  // cpu-split.ts counts this server's processes only (its child processes inherit the setting).
  process.env.BENCH_PG_DATA = dataDir;
  return {
    serverUrl: db.url,
    port,
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return db.url.replace(/\/[^/]*$/, `/${name}`);
    },
    /** Drops a phase's database (connections still open to it are ended), then a CHECKPOINT. */
    async dropDatabase(name: string) {
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query('CHECKPOINT');
      } finally {
        await admin.end();
      }
    },
    async stop() {
      await db.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `workers` loops over `jobs` items; returns elapsed ms. */
export async function runWorkers<T>(items: T[], workers: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await work(item);
      }
    }),
  );
  return performance.now() - started;
}
