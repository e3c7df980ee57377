import pg from 'pg';

/**
 * Lets the server settle after a measured phase, before the next one starts: VACUUM (ANALYZE)
 * of the database the phase wrote, then a CHECKPOINT. Without it a phase pays for the one
 * before it — autovacuum of the previous phase's dead rows (the peer's jsonb state above all)
 * and the write-out of its dirty pages land in whichever phase runs next, and a round of (a)
 * measured 1,013/s after the peer where the next measured 1,425/s. No phase's own maintenance
 * is counted then, ours or the peer's, so the peer (which leaves the most garbage per
 * completion) loses nothing by it. The latency run is not settled: a checkpoint or vacuum
 * landing in its window is part of what it measures. Returns the time spent settling.
 */
export async function settle(databaseUrl: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
  return performance.now() - started;
}
