import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JS of bin/, which runs before anything is compiled
import { BUILD_PARTS, buildReason, fingerprint, recordBuild } from '../../bin/build-plan.js';
import { readyMessage } from '../../apps/engine/src/bootstrap/ready-message.js';

type Part = { reads: string[]; writes: string[] };
const plan = { buildReason, fingerprint, recordBuild } as {
  buildReason(root: string, name: string, part?: Part): string;
  fingerprint(root: string, reads: string[]): string;
  recordBuild(root: string, name: string, print: string): Promise<void>;
};

/** Issue #19: `npm start` builds only what changed, and says where to go when it is ready. */
describe('a second npm start', () => {
  let root: string;
  const part: Part = { reads: ['src', 'tsconfig.json'], writes: ['dist/out.js'] };
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'onedoor-build-'));
    await mkdir(path.join(root, 'src/nested'), { recursive: true });
    await writeFile(path.join(root, 'src/a.ts'), 'export const a = 1;\n');
    await writeFile(path.join(root, 'src/nested/b.ts'), 'export const b = 2;\n');
    await writeFile(path.join(root, 'tsconfig.json'), '{}\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const built = async () => {
    await mkdir(path.join(root, 'dist'), { recursive: true });
    await writeFile(path.join(root, 'dist/out.js'), '');
    await plan.recordBuild(root, 'part', plan.fingerprint(root, part.reads));
  };

  it('given no build yet, then it builds; given a build of the same sources, then it skips', async () => {
    expect(plan.buildReason(root, 'part', part)).toBe('dist/out.js is missing');
    await built();
    expect(plan.buildReason(root, 'part', part)).toBe('up to date');
  });

  it('given a source edited after the build, then it builds again; a touch without a change does not', async () => {
    await built();
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(root, 'src/nested/b.ts'), later, later);
    expect(plan.buildReason(root, 'part', part)).toBe('up to date');
    await writeFile(path.join(root, 'src/nested/b.ts'), 'export const b = 3;\n');
    expect(plan.buildReason(root, 'part', part)).toBe('sources changed');
  });

  it('given a file added or a build output deleted, then it builds again', async () => {
    await built();
    await writeFile(path.join(root, 'src/c.ts'), '');
    expect(plan.buildReason(root, 'part', part)).toBe('sources changed');
    await built();
    await rm(path.join(root, 'dist/out.js'));
    expect(plan.buildReason(root, 'part', part)).toBe('dist/out.js is missing');
  });

  it('given the real parts, then the engine reads its sources and writes the entry points start and the CLI run', () => {
    const parts = BUILD_PARTS as Record<string, Part & { script: string }>;
    expect(parts.engine).toMatchObject({ script: 'build:engine', reads: expect.arrayContaining(['apps/engine/src', 'libs']), writes: expect.arrayContaining(['dist/apps/engine/src/main.js', 'dist/apps/engine/src/cli/cli-main.js']) });
    expect(parts.modeler).toMatchObject({ script: 'build:modeler', reads: expect.arrayContaining(['apps/modeler', 'libs']), writes: expect.arrayContaining(['dist/web/index.html']) });
  });

  it('given demo mode, when ready, then it prints the URL and a demo user for each kind of work', () => {
    const message = readyMessage({
      port: 3000,
      host: '0.0.0.0',
      demoUsers: [
        { username: 'admin', departmentCode: 'VPUBND', roles: ['admin', 'designer', 'manager'] },
        { username: 'motcua.syt', departmentCode: 'SYT', roles: ['reception'] },
        { username: 'chuyenvien.btxh', departmentCode: 'BTXH', roles: ['specialist'] },
      ],
    });
    expect(message.split('\n')).toEqual([
      'OneDoor is ready: open http://localhost:3000/',
      '  modeler http://localhost:3000/modeler/ · reports http://localhost:3000/reports/ · API http://localhost:3000/api (OpenAPI http://localhost:3000/api/docs) · health http://localhost:3000/health',
      '  demo users, password "demo": admin (admin, VPUBND), motcua.syt (reception, SYT), chuyenvien.btxh (specialist, BTXH) — all 3 in processes/README.md',
    ]);
    expect(readyMessage({ port: 8080, host: '127.0.0.1' })).toBe('OneDoor is ready: open http://127.0.0.1:8080/\n  modeler http://127.0.0.1:8080/modeler/ · reports http://127.0.0.1:8080/reports/ · API http://127.0.0.1:8080/api (OpenAPI http://127.0.0.1:8080/api/docs) · health http://127.0.0.1:8080/health');
  });
});
