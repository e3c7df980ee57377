import { runChaos } from './run-chaos.js';

/**
 * `npm run chaos`: engine processes on one database under load, killed, restarted, their
 * database stopped and started, fuzzed — then what it cost. Options: --seconds N (60),
 * --nodes N (2), --workers N (8), --kills N (3), --drains N (1, SIGTERM under load), --restarts N (2), --down-ms N (5000),
 * --fuzz N (requests/s, 10), --seed N. DATABASE_URL runs it on your server: give
 * --stop-command and --start-command to have it stopped and started (else its sessions are
 * ended instead). Exits 1 when anything was lost, done twice, answered 5xx, or a node died.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const text = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const report = await runChaos({
    loadMs: opt('seconds', 60) * 1000,
    nodes: opt('nodes', 2),
    workers: opt('workers', 8),
    kills: opt('kills', 3),
    drains: opt('drains', 1),
    databaseRestarts: opt('restarts', 2),
    databaseDownMs: opt('down-ms', 5_000),
    fuzzPerSecond: opt('fuzz', 10),
    seed: opt('seed', 16),
    databaseUrl: process.env.DATABASE_URL || undefined,
    stopCommand: text('stop-command'),
    startCommand: text('start-command'),
    log: (line) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`),
  });
  console.log(`\nchaos (${report.restartKind}), ${(report.elapsedMs / 1000).toFixed(0)} s, ${report.requests} requests (${report.unanswered} unanswered, retried):`);
  console.log(`  ${report.summary}`);
  for (const line of [...report.lost, ...report.twice, ...report.serverErrors, ...report.unexpectedExits].slice(0, 40)) console.log(`  ! ${line}`);
  const clean = report.lost.length + report.twice.length + report.serverErrors.length + report.unexpectedExits.length === 0 && report.gracefulStops.every((s) => s.code === 0) && report.drains.every((code) => code === 0);
  process.exit(clean ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
