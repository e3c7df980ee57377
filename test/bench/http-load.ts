import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { httpLatencyAtRate, ThroughputResult } from './throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function inChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'http-load-worker.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T) : reject(new Error(`load generator exited ${code}`))));
  });
}

/** (b) list + complete over HTTP, driven by a client process of its own (http-load-worker.ts). */
export const httpThroughputFromClient = (baseUrl: string, token: string, instances: number, workers: number) =>
  inChild<ThroughputResult & { clientCpuMs: number }>(['throughput', baseUrl, token, String(instances), String(workers)]);

/** Complete-task latency at a steady offered rate, driven by a client process of its own. */
export const httpLatencyFromClient = (baseUrl: string, token: string, rate: number, seconds: number) =>
  inChild<Awaited<ReturnType<typeof httpLatencyAtRate>> & { clientCpuMs: number }>(['latency', baseUrl, token, String(rate), String(seconds)]);
