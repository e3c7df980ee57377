import { measureCpu } from './cpu-split.js';
import { peerThroughput } from './peer.js';
import { fixture, STEPS } from './throughput.js';

/**
 * The peer in a process of its own, as a stateless server running bpmn-engine would be:
 * `node peer-worker.js <url> <instances> <workers> <warm-up instances>`. It warms up first (JIT,
 * pool), as the engine does before (a) and (b), then measures; prints one JSON line.
 */
async function main(): Promise<void> {
  const [url, instances, workers, warmUp] = process.argv.slice(2);
  const xml = await fixture();
  if (Number(warmUp) > 0) await peerThroughput(url, xml, Number(warmUp), STEPS, Number(workers));
  const result = await measureCpu(() => peerThroughput(url, xml, Number(instances), STEPS, Number(workers)));
  process.stdout.write(`${JSON.stringify({ ...result, rss: process.memoryUsage().rss })}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
