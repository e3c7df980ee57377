import { Pool } from 'undici';

/**
 * The load generator's HTTP client: undici's connection pool, kept-alive connections as wrk or
 * k6 would hold them. On these 2 cores the client shares the machine with the engine it
 * measures, so its own cost matters: per request (client and a plain node:http server
 * together) undici's Pool took 150–178 µs of CPU against 227–237 µs for node:http's request
 * with a keep-alive agent, and fetch costs several times more.
 */
const pools = new Map<string, Pool>();

export interface HttpAnswer {
  status: number;
  body: string;
}

export async function request(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 256 });
    pools.set(origin, pool);
  }
  const res = await pool.request({ path: slash < 0 ? '/' : url.slice(slash), method, headers, body });
  return { status: res.statusCode, body: await res.body.text() };
}

/** Closes the pools (their kept-alive connections would hold the process open). */
export async function closeClients(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}
