import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * Issue #19: a new user's clone, alone in a private folder (0700, as in root's home or a
 * container), runs the suite's fastest specs — one of them on the embedded PostgreSQL, which as
 * root runs as user postgres — with nothing beside it. The clone is of the committed HEAD.
 */
describe('a fresh clone in a private folder', () => {
  let home: string;
  let clone: string;
  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'onedoor-clone-'));
    await chmod(home, 0o700);
    clone = path.join(home, 'onedoor');
    await run('git', ['clone', '--quiet', root, clone]);
    // Hard links: the clone's own node_modules (the embedded PostgreSQL binaries inside the
    // private folder, as after `npm ci` there) without copying half a gigabyte.
    await run('cp', ['-al', path.join(root, 'node_modules'), path.join(clone, 'node_modules')]);
  }, 60_000);
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('given only the clone in a 0700 folder, when its fastest specs run there, then they pass', async () => {
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    expect(await readdir(home)).toEqual(['onedoor']);
    expect(existsSync(path.join(path.dirname(clone), 'shared'))).toBe(false);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' };
    delete env.TEST_DATABASE_URL; // the clone starts its own PostgreSQL, from its own binaries
    const jest = path.join(clone, 'node_modules', 'jest', 'bin', 'jest.js');
    const result = await run(process.execPath, [jest, '--runInBand', '--ci', 'test/repository/stands-alone.spec.ts', 'test/engine/persistence/database.spec.ts'], {
      cwd: clone,
      env,
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''}\n${error.message}` }));
    const summary = /Tests:\s+(.*)/.exec(result.stderr)?.[1];
    if (!summary || !/^\d+ passed, \d+ total$/.test(summary)) throw new Error(`the clone's specs did not all pass:\n${result.stderr.slice(-4000)}`);
    expect(summary).toMatch(/^(\d+) passed, \1 total$/);
    expect(result.stderr).toContain('PASS test/engine/persistence/database.spec.ts');
    if (userInfo().uid === 0) expect((await stat(home)).mode & 0o777).toBe(0o701); // let the postgres user through, no more
  }, 120_000);
});
