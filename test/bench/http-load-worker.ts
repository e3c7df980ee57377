import { closeClients } from './http-client.js';
import { httpLatencyAtRate, httpThroughput } from './throughput.js';

/**
 * The HTTP load generator in a process of its own, as real clients are:
 * `node http-load-worker.js throughput <baseUrl> <token> <instances> <workers>` or
 * `node http-load-worker.js latency <baseUrl> <token> <rate> <seconds>`. Prints one JSON line,
 * with the CPU this process spent (the client's own cost, kept apart from the engine's).
 */
async function main(): Promise<void> {
  const [mode, baseUrl, token, x, y] = process.argv.slice(2);
  const cpu = process.cpuUsage();
  const result = mode === 'latency' ? await httpLatencyAtRate(baseUrl, token, Number(x), Number(y)) : await httpThroughput(baseUrl, token, Number(x), Number(y));
  const used = process.cpuUsage(cpu);
  await closeClients();
  process.stdout.write(`${JSON.stringify({ ...result, clientCpuMs: (used.user + used.system) / 1000 })}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
