import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../../apps/engine/src/commands/command.js';
import { DeployProcedures } from '../../apps/engine/src/commands/deploy-procedures.js';
import { StartInstance } from '../../apps/engine/src/commands/start-instance.js';
import type { Engine } from '../../apps/engine/src/engine.js';
import { percentile, runWorkers } from './bench-database.js';
import { startBenchProcess } from './bench-process.js';

/** A process that waits until a given instant, then records when it actually woke. */
const TIMER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" id="t" targetNamespace="http://onedoor.vn/bench">
  <bpmn:process id="timer-bench" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT20S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * 10,000 timers falling due within 10 s, fired by `nodeCount` engine processes (each its own
 * Node process, as nodes are deployed, with its job executor polling every 100 ms); `first`
 * only prepares them. Lateness = when the timer's activity completed − when it was due; each
 * fires once.
 */
export async function timerLateness(first: Engine, url: string, nodeCount: number, count: number) {
  // The nodes start first (a Node process takes a second or two): they wait for "go".
  const nodes = Array.from({ length: nodeCount }, (_, i) => startTimerNode(url, `timer-node-${i}`));
  await Promise.all(nodes.map((n) => n.ready));
  await first.execute(new DeployProcedures('timer-bench', [{ name: 'timer-bench.bpmn', xml: TIMER_PROCESS }]), SYSTEM_ACTOR);
  // Instances started over ~10 s would be slow to create; instead create them fast and spread
  // their due times over the next 10 s directly on the job rows.
  await runWorkers(Array.from({ length: count }, (_, i) => i), 16, async () => {
    await first.execute(new StartInstance({ key: 'timer-bench' }), SYSTEM_ACTOR);
  });
  // Far enough ahead for the mass update and the vacuum below to be over before the first is due.
  const spreadStart = Date.now() + 5000;
  await first.db.query(
    `UPDATE job SET due_at = to_timestamp(($1::bigint + (row_number * 10000 / $2)) / 1000.0)
     FROM (SELECT id AS jid, row_number() OVER (ORDER BY id) - 1 AS row_number FROM job WHERE type = 'timer') r WHERE job.id = r.jid`,
    [spreadStart, count],
  );
  // That mass update is the bench's shortcut, not something the engine does: it leaves a dead
  // version of every job row, which autovacuum would otherwise clean up while the timers fire.
  await first.db.query(`VACUUM ANALYZE job`);
  // Remember each timer's due instant: lateness is measured against it.
  await first.db.query(`DROP TABLE IF EXISTS bench_timer_due`);
  await first.db.query(`CREATE TABLE bench_timer_due AS SELECT instance_id, due_at FROM job WHERE type = 'timer'`);
  for (const n of nodes) n.send('go');
  const deadline = Date.now() + 90_000;
  for (;;) {
    const [{ left }] = await first.db.query<{ left: number }>(`SELECT count(*)::int AS left FROM job WHERE type = 'timer'`);
    if (left === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const n of nodes) n.end('stop');
  const used = await Promise.all(nodes.map((n) => n.result));
  const [{ fired, distinct }] = await first.db.query<{ fired: number; distinct: number }>(
    `SELECT count(*)::int AS fired, count(DISTINCT instance_id)::int AS distinct FROM hist_activity_instance WHERE activity_id = 'wait' AND state = 'completed'`,
  );
  const lateness = await first.db.query<{ ms: number }>(
    `SELECT extract(epoch FROM (a.ended_at - d.due_at)) * 1000 AS ms
     FROM hist_activity_instance a JOIN bench_timer_due d ON d.instance_id = a.instance_id WHERE a.activity_id = 'wait'`,
  );
  const values = lateness.map((l) => Number(l.ms)).sort((a, b) => a - b);
  return { count, fired, firedOnce: fired === distinct && fired === count, p50: percentile(values, 50), p99: percentile(values, 99), max: values.at(-1) ?? NaN, nodeCpuMs: used.map((u) => u.cpuMs) };
}

/** Starts a timer node process; it says when it is ready, fires timers from "go" to "stop". */
function startTimerNode(url: string, name: string) {
  return startBenchProcess<{ cpuMs: number; rss: number }>(path.join(here, 'timer-node-worker.js'), [url, name], name);
}
