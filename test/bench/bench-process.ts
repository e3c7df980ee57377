import { spawn } from 'node:child_process';

/**
 * A child process of the bench that plays one engine node: it prints "ready" once it can work,
 * takes its orders as lines on stdin ("go", "stop"…) and prints its result as the last JSON line
 * before it exits 0.
 */
export interface BenchProcess<R> {
  ready: Promise<void>;
  result: Promise<R>;
  send(line: string): void;
  /** Sends the last order and closes stdin. */
  end(line: string): void;
}

export function startBenchProcess<R>(script: string, args: string[], name: string): BenchProcess<R> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let signalReady: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) signalReady();
  });
  const result = new Promise<R>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as R) : reject(new Error(`${name} exited ${code}`))));
  });
  // A node that dies before it is ready must not leave the run waiting forever.
  result.catch(() => signalReady());
  return { ready, result, send: (line) => child.stdin.write(`${line}\n`), end: (line) => child.stdin.end(`${line}\n`) };
}
