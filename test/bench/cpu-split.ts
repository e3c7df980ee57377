import { readdirSync, readFileSync } from 'node:fs';

/** CPU time used so far by this process and by every PostgreSQL process, in ms. */
interface CpuReading {
  engineMs: number;
  postgresMs: number | undefined;
}

// Linux reports process times in clock ticks; 100 per second on every kernel the bench runs on.
const TICK_MS = 10;

/**
 * The bench's own PostgreSQL server: its postmaster (found by the data directory on its command
 * line, which bench-database.ts puts in BENCH_PG_DATA) and the postmaster's children. Other
 * PostgreSQL servers on the machine are not counted — on a shared machine they would be.
 * Without BENCH_PG_DATA every process named postgres counts.
 */
function postgresCpuMs(): number | undefined {
  try {
    const dataDir = process.env.BENCH_PG_DATA;
    const stats: { pid: string; ppid: string; ticks: number; cmdline: () => string }[] = [];
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      // "pid (comm) state ppid …": utime, stime, cutime, cstime are fields 14–17. The children's
      // times hold the backends that already ended (the postmaster reaped them), so a phase
      // whose connections close still counts their work.
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      const cmdline = () => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      };
      stats.push({ pid, ppid: fields[1], ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]), cmdline });
    }
    const postmaster = dataDir ? stats.find((s) => s.cmdline().includes(dataDir)) : undefined;
    const ours = postmaster ? stats.filter((s) => s === postmaster || s.ppid === postmaster.pid) : stats;
    return ours.reduce((sum, s) => sum + s.ticks, 0) * TICK_MS;
  } catch {
    return undefined; // no /proc: not Linux
  }
}

function read(): CpuReading {
  const { user, system } = process.cpuUsage();
  return { engineMs: (user + system) / 1000, postgresMs: postgresCpuMs() };
}

/**
 * Runs `work` and says how much CPU this process (engine, and the load generator when it runs
 * in process) and PostgreSQL spent per unit of work — where the two shared cores went.
 */
export async function measureCpu<T extends { completions: number }>(work: () => Promise<T>): Promise<T & { engineMsPer: number; postgresMsPer: number | undefined }> {
  const before = read();
  const result = await work();
  const after = read();
  const per = (a: number, b: number) => (b - a) / result.completions;
  return {
    ...result,
    engineMsPer: per(before.engineMs, after.engineMs),
    postgresMsPer: before.postgresMs === undefined || after.postgresMs === undefined ? undefined : per(before.postgresMs, after.postgresMs),
  };
}
