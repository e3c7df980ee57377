import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CANDIDATES = ['/usr/lib/postgresql/18/bin/pgbench', '/usr/lib/postgresql/17/bin/pgbench', '/usr/lib/postgresql/16/bin/pgbench', '/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'];

/** (d) PostgreSQL's own limit on this machine: `pgbench -N` (simple updates) against the same server. */
export async function pgbenchTps(url: string, clients: number, seconds: number): Promise<{ tps: number; binary: string } | { missing: true }> {
  const binary = CANDIDATES.find((c) => existsSync(c));
  if (!binary) return { missing: true };
  const env = { ...process.env, PGPASSWORD: 'postgres' };
  const u = new URL(url);
  const common = ['-h', u.hostname, '-p', u.port, '-U', u.username, u.pathname.slice(1)];
  await run(binary, ['-i', '-q', '-s', '10', ...common], { env });
  const { stdout } = await run(binary, ['-N', '-c', String(clients), '-j', '2', '-T', String(seconds), ...common], { env });
  const match = /tps = ([\d.]+)/.exec(stdout);
  return { tps: match ? Number(match[1]) : NaN, binary };
}
