import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ThroughputResult } from './throughput.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export type PeerResult = ThroughputResult & { engineMsPer: number; postgresMsPer: number | undefined; rss: number };

/**
 * (c) measured in a fresh process of its own (peer-worker.ts), warmed up like the engine: sharing
 * the engine's process, the peer ran 5–15% slower (a bigger heap to collect, the engine's
 * leftovers), which would flatter the ratios.
 */
export function peerInItsOwnProcess(url: string, instances: number, workers: number, warmUp: number): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'peer-worker.js'), url, String(instances), String(workers), String(warmUp)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as PeerResult) : reject(new Error(`peer process exited ${code}`))));
  });
}
