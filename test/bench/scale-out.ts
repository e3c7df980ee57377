import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../apps/engine/src/engine.js';
import { startBenchProcess } from './bench-process.js';
import { measureCpu } from './cpu-split.js';
import type { ThroughputResult } from './throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));

type NodeResult = ThroughputResult & { cpuMs: number; rss: number };

export interface ScaleOutResult {
  nodes: number;
  perSecond: number;
  /** Each node's throughput and the share of one core it used while the run lasted. */
  perNode: { perSecond: number; cpuShare: number; cpuMsPer: number }[];
  /** PostgreSQL's CPU per completion, and the cores it kept busy on average. */
  postgresMsPer: number | undefined;
  postgresCores: number | undefined;
  completedInstances: number;
  expectedInstances: number;
  duplicateSteps: number;
  openTasks: number;
  maxRssMb: number;
}

/**
 * N engine processes on one database, each starting and completing its share of the instances
 * with `workersPerNode` clients of its own. Reports the summed throughput, each node's
 * throughput and CPU, PostgreSQL's CPU, and checks that every instance completed exactly once
 * (one history row per step and instance, no open task left).
 */
export async function scaleOut(engine: Engine, url: string, nodes: number, instances: number, workersPerNode: number): Promise<ScaleOutResult> {
  const before = await counts(engine);
  const share = Math.ceil(instances / nodes);
  const children = Array.from({ length: nodes }, (_, i) => startNode(url, share, workersPerNode, `bench-node-${i}`));
  await Promise.all(children.map((c) => c.ready));
  const started = performance.now();
  const measured = await measureCpu(async () => {
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.result));
    return { results, completions: results.reduce((s, r) => s + r.completions, 0) };
  });
  const ms = performance.now() - started;
  const after = await counts(engine);
  return {
    nodes,
    perSecond: (measured.completions / ms) * 1000,
    perNode: measured.results.map((r) => ({ perSecond: r.perSecond, cpuShare: r.cpuMs / r.ms, cpuMsPer: r.cpuMs / r.completions })),
    postgresMsPer: measured.postgresMsPer,
    postgresCores: measured.postgresMsPer === undefined ? undefined : (measured.postgresMsPer * measured.completions) / ms,
    completedInstances: after.completed - before.completed,
    expectedInstances: share * nodes,
    duplicateSteps: after.duplicates,
    openTasks: after.open - before.open,
    maxRssMb: Math.max(...measured.results.map((r) => r.rss)) / 1024 / 1024,
  };
}

/** Starts an engine process; it says when it is ready and starts its clients on `go`. */
function startNode(url: string, instances: number, workers: number, name: string) {
  const node = startBenchProcess<NodeResult>(path.join(here, 'node-worker.js'), [url, String(instances), String(workers), name], name);
  return { ready: node.ready, result: node.result, go: () => node.end('go') };
}

async function counts(engine: Engine) {
  const [row] = await engine.db.query<{ completed: number; duplicates: number; open: number }>(
    `SELECT (SELECT count(*) FROM process_instance WHERE definition_key = 'linear-7' AND state = 'completed')::int AS completed,
            (SELECT count(*) FROM (SELECT instance_id, activity_id FROM hist_activity_instance WHERE activity_id LIKE 'step%'
                                   GROUP BY 1, 2 HAVING count(*) > 1) d)::int AS duplicates,
            (SELECT count(*) FROM task WHERE definition_key = 'linear-7')::int AS open`,
  );
  return row;
}
