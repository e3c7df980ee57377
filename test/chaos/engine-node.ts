import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Builds what `node dist/apps/engine/src/main.js` runs, as `npm run build:engine` does: the
 * compile, then the step that turns `@onedoor/<lib>` imports into paths Node can load (without
 * it the built engine cannot start).
 */
export async function buildEngineForNodes(root: string): Promise<void> {
  const run = promisify(execFile);
  await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
  await run('node', ['bin/link-lib-aliases.js', 'dist'], { cwd: root });
}

export interface NodeExit {
  node: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** We killed it (SIGKILL or SIGTERM); anything else is a node that fell over by itself. */
  expected: boolean;
}

/**
 * One engine process as an operator runs it (`node dist/apps/engine/src/main.js`), on its own
 * port, sharing the database with the others. The chaos run kills and restarts it, and records
 * every exit it did not cause.
 */
export class EngineNode {
  private child?: ChildProcess;
  private expectExit = false;
  private readonly tail: string[] = [];
  readonly exits: NodeExit[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly mainJs: string,
    private readonly env: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Passed its health check since it last started, as a load balancer would see it. */
  ready = false;

  /** The last lines the process printed (for a failure report). */
  get log(): string {
    return this.tail.join('');
  }

  start(): void {
    this.expectExit = false;
    this.ready = false;
    const child = spawn(process.execPath, [this.mainJs], {
      cwd: path.resolve(path.dirname(this.mainJs), '../../../..'),
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.tail.push(`[${this.name}] ${chunk.toString()}`);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('exit', (code, signal) => {
      this.ready = false;
      this.exits.push({ node: this.name, code, signal, expected: this.expectExit });
      if (this.child === child) this.child = undefined;
    });
    this.child = child;
  }

  /** Waits until /health answers 200; returns how long it took. */
  async healthy(timeoutMs = 60_000): Promise<number> {
    const began = Date.now();
    while (Date.now() - began < timeoutMs) {
      if (!this.child) throw new Error(`${this.name} exited while starting:\n${this.log}`);
      try {
        const response = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) {
          this.ready = true;
          return Date.now() - began;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} not healthy after ${timeoutMs} ms:\n${this.log}`);
  }

  /** SIGKILL: the process dies mid-whatever, as on a power cut or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful way; resolves with the exit code. */
  async terminate(): Promise<number | null> {
    await this.signal('SIGTERM');
    return this.exits.at(-1)?.code ?? null;
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    this.expectExit = true;
    this.ready = false;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
