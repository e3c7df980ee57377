import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { ThroughputResult } from './throughput.js';

/**
 * (c) the peer: `bpmn-engine` (the leading Node.js BPMN executor) run the way a stateless,
 * multi-node server built on it must run it — its whole state saved to PostgreSQL as jsonb at
 * every wait state, and for every task completion: lock the row, recover the engine from the
 * state, resume it, signal the waiting task, run to the next wait state, save, commit.
 *
 * Made as strong as that design allows, so the ratios are not flattered:
 * - one pooled connection per worker (no waiting for a connection, no idle ones);
 * - every instance started first, then completed step after step by the workers, so a worker's
 *   connection goes straight from one completion to the next;
 * - each recovered engine is stopped once saved (a running engine keeps its listeners and
 *   definitions alive: the heap grows and the collector works harder — measured: RSS over 400 MB
 *   and 12 ms of CPU per completion without it);
 * - the state travels as the object node-postgres serialises itself (one JSON.stringify).
 */
export async function peerThroughput(url: string, xml: string, instances: number, steps: number, workers: number): Promise<ThroughputResult & { instancesDone: number }> {
  const { Engine } = (await import('bpmn-engine')) as unknown as { Engine: new (options: object) => PeerEngine };
  const pool = new pg.Pool({ connectionString: url, max: workers });
  await pool.query(`DROP TABLE IF EXISTS peer_instance`);
  await pool.query(`CREATE TABLE peer_instance (id text PRIMARY KEY, state jsonb NOT NULL, done boolean NOT NULL DEFAULT false)`);
  let completions = 0;
  const started = performance.now();

  /** Runs the engine until a user task waits (its signal API) or the process ends (null). */
  const nextWait = (listener: EventEmitter, engine: PeerEngine) =>
    new Promise<WaitingTask | null>((resolve) => {
      listener.once('wait', resolve);
      engine.once('end', () => resolve(null));
    });

  const start = async (id: string) => {
    const listener = new EventEmitter();
    const engine = new Engine({ name: id, source: xml });
    const waiting = nextWait(listener, engine);
    await engine.execute({ listener });
    await waiting;
    await pool.query(`INSERT INTO peer_instance (id, state) VALUES ($1, $2)`, [id, await engine.getState()]);
    engine.stop();
  };

  /** Completes the instance's waiting task; says whether another one waits now. */
  const complete = async (id: string, step: number): Promise<boolean> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ state: object }>(`SELECT state FROM peer_instance WHERE id = $1 FOR UPDATE`, [id]);
      const listener = new EventEmitter();
      const engine = new Engine({ name: id }).recover(rows[0].state);
      const resumed = nextWait(listener, engine);
      await engine.resume({ listener });
      const task = await resumed;
      if (!task) throw new Error(`peer: instance ${id} has no waiting task`);
      const after = nextWait(listener, engine);
      task.signal({ step });
      const next = await after;
      await client.query(`UPDATE peer_instance SET state = $2, done = $3 WHERE id = $1`, [id, await engine.getState(), next === null]);
      await client.query('COMMIT');
      completions++;
      engine.stop();
      return next !== null;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  const ids = Array.from({ length: instances }, (_, i) => `p${i}`);
  await eachWorker(ids, workers, start);
  await eachWorker(ids, workers, async (id) => {
    for (let step = 0; step < steps && (await complete(id, step)); step++);
  });
  const ms = performance.now() - started;
  const [{ done }] = (await pool.query<{ done: number }>(`SELECT count(*)::int AS done FROM peer_instance WHERE done`)).rows;
  await pool.end();
  if (done !== instances || completions !== instances * steps) throw new Error(`peer finished ${done} of ${instances} instances, ${completions} completions`);
  return { completions, ms, perSecond: (completions / ms) * 1000, instancesDone: done };
}

async function eachWorker<T>(items: T[], workers: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

interface WaitingTask {
  signal(message?: unknown): void;
}
interface PeerEngine {
  execute(options: { listener: EventEmitter }): Promise<unknown>;
  resume(options: { listener: EventEmitter }): Promise<unknown>;
  recover(state: object): PeerEngine;
  getState(): Promise<object>;
  once(event: 'end', listener: () => void): void;
  stop(): void;
}
