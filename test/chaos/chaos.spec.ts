import { buildEngineForNodes } from './engine-node.js';
import { repoRoot, runChaos, type ChaosReport } from './run-chaos.js';

/**
 * The short form of `npm run chaos` (issue #16): two engine processes (the built engine, as an
 * operator runs it) on one PostgreSQL under load; one is killed with SIGKILL and restarted; the
 * database is stopped and started; hostile requests all along. Nothing acknowledged is lost,
 * nothing runs twice, nothing but 503 answers 5xx, no process exits by itself, every node serves
 * again on its own, and SIGTERM stops each one cleanly.
 */
describe('chaos (short form)', () => {
  let report: ChaosReport;
  const log: string[] = [];

  beforeAll(async () => {
    await buildEngineForNodes(repoRoot());
    report = await runChaos({ loadMs: 15_000, nodes: 2, workers: 4, kills: 1, drains: 1, databaseRestarts: 1, databaseDownMs: 3_000, fuzzPerSecond: 5, seed: 16, log: (line) => log.push(line) });
    console.log(`chaos: ${report.summary}${log.filter((l) => l.includes('while stopping')).map((l) => `\n  ${l}`).join('')}`);
  }, 300_000);

  it('given a node killed and the database restarted under load, then dossiers were received and worked all along', () => {
    expect(report.kills).toBe(1);
    expect(report.databaseRestarts).toBe(1);
    expect(report.dossiers).toBeGreaterThan(4);
    expect(report.hostileInputs).toBeGreaterThan(10);
  });

  it('then nothing acknowledged is lost and nothing ran twice', () => {
    expect(report.lost).toEqual([]);
    expect(report.twice).toEqual([]);
  });

  it('then no answer was a server error other than 503, and no process exited by itself', () => {
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpectedExits).toEqual([]);
  });

  it('then every node served again by itself within seconds of the database coming back', () => {
    expect(report.recoveredMs).toHaveLength(1);
    expect(report.recoveredMs[0]).toBeLessThan(30_000);
  });

  it('then SIGTERM, under load and at the end, stopped every node with exit code 0', () => {
    // When a drain did not exit 0, the run's log (with what that node printed) is the diff.
    expect({ drains: report.drains, log: report.drains.every((code) => code === 0) ? [] : log }).toEqual({ drains: [0], log: [] });
    expect(report.gracefulStops.map((s) => s.code)).toEqual([0, 0]);
  });
});
