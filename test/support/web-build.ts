import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(repoRoot, 'dist/web');

const ENV_MARKER = 'ONEDOOR_WEB_BUILT';
const STAMP_FILE = path.join(repoRoot, 'dist/.web-build-run');
const LOCK_DIR = path.join(repoRoot, 'dist/.web-build.lock');

let building: Promise<void> | undefined;

/**
 * Builds the browser app (dist/web) once per test run. A module-level promise covers one spec
 * file; Jest gives every spec file its own module registry and its own copy of process.env,
 * so across files the marker is also stamped on disk with the id of the Jest run (the main
 * process: our pid under --runInBand, our parent's with workers). A lock directory keeps
 * parallel workers from building into the same folder at once.
 */
export function ensureWebBuilt(): Promise<void> {
  const runId = currentRunId();
  if (process.env[ENV_MARKER] === runId) return Promise.resolve();
  building ??= buildOnce(runId).then(
    () => {
      process.env[ENV_MARKER] = runId;
    },
    (error) => {
      building = undefined;
      throw error;
    },
  );
  return building;
}

async function buildOnce(runId: string): Promise<void> {
  if ((await readStamp()) === runId) return;
  await acquireLock();
  try {
    if ((await readStamp()) === runId) return;
    await runViteBuild();
    await writeFile(STAMP_FILE, runId);
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Vite's JS API, in a child node process: inside Jest's VM context rolldown's native binding
 * rejects the plugin objects (they come from another realm).
 */
function runViteBuild(): Promise<void> {
  const script = `import { build } from 'vite';
await build({ configFile: ${JSON.stringify(path.join(repoRoot, 'apps/modeler/vite.config.ts'))}, logLevel: 'warn' });`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`vite build failed:\n${stderr || error.message}`)) : resolve()),
    );
  });
}

function currentRunId(): string {
  return String(process.env.JEST_WORKER_ID ? process.ppid : process.pid);
}

async function readStamp(): Promise<string | null> {
  return readFile(STAMP_FILE, 'utf8').catch(() => null);
}

async function acquireLock(): Promise<void> {
  await mkdir(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // a build crashed mid-way in an earlier run: don't wait forever on its lock
      if (Date.now() > deadline) {
        await rm(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
