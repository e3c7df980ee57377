import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';

export interface Housekeeping {
  /** When a checkpoint began (epoch ms, to the sampling's 250 ms), and why: its timeout, or the WAL's size (requested). */
  checkpointsAt: { at: number; cause: 'time' | 'requested' }[];
  autovacuumSamples: number;
  samples: number;
  tables: string[];
  /** This process's event loop: its longest stall, and its longest garbage collection with when it ended. */
  eventLoopMaxMs: number;
  longestGc: { ms: number; at: number } | undefined;
}

/**
 * What ran besides the requests while a phase ran: in the PostgreSQL server, checkpoints begun
 * and autovacuum workers seen (sampled every 250 ms, with the tables they worked on); in this
 * (the engine's) process, event-loop stalls and garbage collections. A latency tail that lines
 * up with one of these is housekeeping, not the request path.
 */
export async function watchHousekeeping(serverUrl: string): Promise<{ stop(): Promise<Housekeeping> }> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => undefined); // the server stopping ends the watch, not the bench
  await client.connect();
  // PostgreSQL 17 moved the checkpoint counters from pg_stat_bgwriter to pg_stat_checkpointer.
  const modern = Number((await client.query(`SHOW server_version_num`)).rows[0].server_version_num) >= 170000;
  const counters = modern ? `SELECT num_timed AS timed, num_requested AS requested FROM pg_stat_checkpointer` : `SELECT checkpoints_timed AS timed, checkpoints_req AS requested FROM pg_stat_bgwriter`;
  const checkpoints = async () => {
    const [row] = (await client.query<{ timed: string; requested: string }>(counters)).rows;
    return { timed: Number(row.timed), requested: Number(row.requested) };
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let longestGc: Housekeeping['longestGc'];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!longestGc || entry.duration > longestGc.ms) longestGc = { ms: entry.duration, at: performance.timeOrigin + entry.startTime + entry.duration };
  });
  gc.observe({ entryTypes: ['gc'] });
  const tables = new Set<string>();
  const checkpointsAt: Housekeeping['checkpointsAt'] = [];
  const count = await checkpoints();
  let samples = 0;
  let autovacuumSamples = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await client.query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      samples++;
      if (rows.length) autovacuumSamples++;
      for (const { query } of rows) tables.add(query.replace(/^autovacuum:\s*/, ''));
      const now = await checkpoints();
      for (; count.timed < now.timed; count.timed++) checkpointsAt.push({ at: Date.now(), cause: 'time' });
      for (; count.requested < now.requested; count.requested++) checkpointsAt.push({ at: Date.now(), cause: 'requested' });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await sampling;
      await client.end();
      loop.disable();
      gc.disconnect();
      return { checkpointsAt, autovacuumSamples, samples, tables: [...tables].filter((t) => t !== ''), eventLoopMaxMs: loop.max / 1e6, longestGc };
    },
  };
}
