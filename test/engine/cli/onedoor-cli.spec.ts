import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoOrganisation } from '../../../apps/engine/src/bootstrap/demo-organisation.js';
import { contextOn, type CliContext } from '../../../apps/engine/src/cli/cli-context.js';
import { runCli } from '../../../apps/engine/src/cli/onedoor-cli.js';
import { createDataSource } from '../../../apps/engine/src/persistence/data-source.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const threeSteps = path.join(root, 'test/engine/persistence/three-steps.bpmn');

/** Runs `onedoor …` against a context on the spec's database; what it printed, and its exit code. */
async function onedoor(open: () => Promise<CliContext>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { print: (l) => out.push(l), error: (l) => err.push(l), open });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Issue #19: the operators' CLI, thin over the commands the API runs, against a real database. */
describe('npx onedoor', () => {
  let db: TestDatabase;
  let scratch: string;
  // The CLI closes its context after each command; the spec's data source must outlive it.
  const open = () => contextOn(db.dataSource);

  beforeAll(async () => {
    db = await createTestDatabase();
    const ctx = await open();
    await seedDemoOrganisation(ctx.organisation, path.join(root, 'processes', 'organisation.json'));
    scratch = await mkdtemp(path.join(tmpdir(), 'onedoor-cli-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  });

  describe('deploy', () => {
    it('given a BPMN file, when deployed twice, then the first makes version 1 and the second changes nothing', async () => {
      const first = await onedoor(open, 'deploy', threeSteps);
      expect(first).toEqual({ code: 0, out: 'deployed three-steps: 1 definition\n  three-steps version 1 (new)', err: '' });
      const again = await onedoor(open, 'deploy', threeSteps, '--name', 'again');
      expect(again.out).toContain('three-steps version 1 (unchanged: same file as before)');
      const rows = await db.dataSource.query(`SELECT key, version FROM process_definition WHERE key = 'three-steps'`);
      expect(rows).toEqual([{ key: 'three-steps', version: 1 }]);
      const [audit] = await db.dataSource.query(`SELECT count(*)::int AS n FROM deployment WHERE source = 'cli'`);
      expect(audit.n).toBeGreaterThanOrEqual(1);
    });

    it('given a model the engine refuses, then it exits 1 naming the element and nothing is deployed', async () => {
      const bad = path.join(scratch, 'complex.bpmn');
      await writeFile(bad, `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="refused" isExecutable="true">
    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <bpmn:complexGateway id="g"/><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e"/><bpmn:endEvent id="e"/>
  </bpmn:process>
</bpmn:definitions>`);
      const result = await onedoor(open, 'deploy', bad);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^onedoor: /);
      expect(result.err).toContain('g');
      expect(await db.dataSource.query(`SELECT 1 FROM process_definition WHERE key = 'refused'`)).toEqual([]);
    });

    it('given a file that is not BPMN or no file, then it says so', async () => {
      expect(await onedoor(open, 'deploy', path.join(scratch, 'notes.txt'))).toMatchObject({ code: 1, err: expect.stringContaining('is not a .bpmn or .dmn file') });
      expect(await onedoor(open, 'deploy')).toMatchObject({ code: 2, err: expect.stringContaining('deploy needs one or more files') });
    });
  });

  describe('users add', () => {
    it('given a name, a department and roles, then the user can sign in with the printed password and the audit log names the operator', async () => {
      const result = await onedoor(open, 'users', 'add', 'chuyenvien2.syt', '--name', 'Nguyễn Thị Hoa', '--department', 'SYT', '--roles', 'specialist,reception');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^user chuyenvien2\.syt \(Nguyễn Thị Hoa\) added to SYT, roles: specialist, reception\npassword: (\S+) {2}\(shown once/);
      const password = /password: (\S+)/.exec(result.out)![1];
      const ctx = await open();
      expect(await ctx.organisation.authenticate('chuyenvien2.syt', password)).toMatchObject({ username: 'chuyenvien2.syt', departmentCode: 'SYT' });
      const [entry] = await db.dataSource.query(`SELECT username, operation FROM user_operation WHERE entity_id = 'chuyenvien2.syt'`);
      expect(entry).toEqual({ username: expect.stringMatching(/^cli:/), operation: 'user-created' });
    });

    it('given the API rules broken (a bad username, a weak password, an unknown department, a taken name), then it refuses naming the field', async () => {
      expect(await onedoor(open, 'users', 'add', 'Bad Name', '--name', 'X')).toMatchObject({ code: 1, err: expect.stringContaining('username: username is lower-case letters') });
      expect(await onedoor(open, 'users', 'add', 'weak.user', '--name', 'X', '--password', '12345678')).toMatchObject({ code: 1, err: expect.stringMatching(/password/) });
      expect(await onedoor(open, 'users', 'add', 'lost.user', '--name', 'X', '--department', 'NOPE')).toMatchObject({ code: 1, err: expect.stringMatching(/NOPE/) });
      expect(await onedoor(open, 'users', 'add', 'chuyenvien2.syt', '--name', 'X')).toMatchObject({ code: 1, err: 'onedoor: username chuyenvien2.syt is taken' });
      expect(await onedoor(open, 'users', 'add', 'no.name')).toMatchObject({ code: 2, err: expect.stringContaining('--name') });
      expect(await db.dataSource.query(`SELECT 1 FROM app_user WHERE username IN ('weak.user', 'lost.user')`)).toEqual([]);
    });
  });

  describe('calendar import', () => {
    it('given a CSV of a Tết swap, then the days are in the calendar the engine counts with', async () => {
      const file = path.join(scratch, 'tet-2027.csv');
      await writeFile(file, 'date,kind,name\n2027-02-12,day_off,Nghỉ bù Tết\n2027-02-20,working_day,"Làm bù, thứ Bảy"\n');
      const result = await onedoor(open, 'calendar', 'import', file);
      expect(result).toEqual({ code: 0, out: 'imported 2 calendar days: 0 holidays, 1 days off, 1 make-up working days', err: '' });
      const ctx = await open();
      expect(await ctx.calendar.overrides(2027)).toEqual([
        { date: '2027-02-12', kind: 'day_off', name: 'Nghỉ bù Tết' },
        { date: '2027-02-20', kind: 'working_day', name: 'Làm bù, thứ Bảy' },
      ]);
      await ctx.calendar.reload();
      expect(ctx.calendar.current().isWorkingDay('2027-02-20')).toBe(true);
      expect(ctx.calendar.current().isWorkingDay('2027-02-12')).toBe(false);
    });

    it('given a JSON file with one bad row, then nothing is written and the row and field are named', async () => {
      const file = path.join(scratch, 'bad.json');
      await writeFile(file, JSON.stringify([{ date: '2028-01-02', kind: 'day_off', name: 'ok' }, { date: '2028-13-45x', kind: 'party', name: 'bad' }]));
      const result = await onedoor(open, 'calendar', 'import', file);
      expect(result.code).toBe(1);
      expect(result.err).toContain('row 2.date: date is YYYY-MM-DD');
      expect(result.err).toContain('row 2.kind');
      expect(await (await open()).calendar.overrides(2028)).toEqual([]);
    });
  });

  describe('migrate', () => {
    it('given an empty database, then it applies every migration, and a second run finds nothing to do', async () => {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      const name = `t_${randomBytes(6).toString('hex')}`;
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const empty = createDataSource(process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`), { poolSize: 2 });
      await empty.initialize();
      try {
        const openEmpty = () => contextOn(empty);
        expect(await onedoor(openEmpty, 'deploy', threeSteps)).toMatchObject({ code: 1, err: expect.stringContaining('run `onedoor migrate` first') });
        const first = await onedoor(openEmpty, 'migrate');
        expect(first.code).toBe(0);
        expect(first.out).toMatch(/^applied \d+ migrations:\n {2}\S+/);
        const count = Number(/^applied (\d+)/.exec(first.out)![1]);
        expect(count).toBe(empty.migrations.length);
        expect(await onedoor(openEmpty, 'migrate')).toEqual({ code: 0, out: `schema up to date (${count} migrations applied earlier)`, err: '' });
        expect(await onedoor(openEmpty, 'deploy', threeSteps)).toMatchObject({ code: 0 });
      } finally {
        await empty.destroy();
      }
    });
  });

  it('given no command or an unknown one, then it prints the usage', async () => {
    expect(await onedoor(open)).toMatchObject({ code: 0, out: expect.stringContaining('Usage: onedoor <command>') });
    expect(await onedoor(open, 'frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command: frobnicate') });
  });
});
