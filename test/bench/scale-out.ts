import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../apps/engine/src/engine.js';
import type { ThroughputResult } from './throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `--nodes N`: N engine processes on one database, each starting and completing its share of
 * instances; reports the summed throughput and checks that every instance completed exactly once
 * (one history row per step and instance, no open task left).
 */
export async function scaleOut(engine: Engine, url: string, nodes: number, instances: number, workersPerNode: number) {
  const before = await counts(engine);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: nodes }, (_, i) =>
      new Promise<ThroughputResult & { rss: number }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(here, 'node-worker.js'), url, String(Math.ceil(instances / nodes)), String(workersPerNode), `bench-node-${i}`], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`node ${i} exited ${code}`))));
      }),
    ),
  );
  const ms = performance.now() - started;
  const after = await counts(engine);
  const completions = results.reduce((s, r) => s + r.completions, 0);
  const perInstance = Math.ceil(instances / nodes) * nodes;
  return {
    nodes,
    perSecond: (completions / ms) * 1000,
    completedInstances: after.completed - before.completed,
    expectedInstances: perInstance,
    duplicateSteps: after.duplicates,
    openTasks: after.open - before.open,
    maxRssMb: Math.max(...results.map((r) => r.rss)) / 1024 / 1024,
  };
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
