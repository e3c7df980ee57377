import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS build step, no declarations
import { linkDist, linkLibAliases } from '../../bin/link-lib-aliases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Specs of a lib may reach its internals; everything else goes through the lib's index. */
const OWN_LIB_SPECS = path.join(root, 'test', 'libs');

/**
 * Issue #21: the apps and the tests name a shared library `@onedoor/<lib>`, never by climbing
 * `../../../../libs/…`; the engine build turns the alias into a path Node can load.
 */
describe('imports of the shared libraries', () => {
  it('given every module of apps/ and test/, none climbs to libs/ by a relative path', async () => {
    const climbs: string[] = [];
    for (const folder of ['apps', 'test']) {
      for await (const file of sources(path.join(root, folder))) {
        if (file.startsWith(OWN_LIB_SPECS + path.sep)) continue;
        const text = await readFile(file, 'utf8');
        for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]((?:\.\.\/)+libs\/[^'"]+)['"]/gm)) climbs.push(`${path.relative(root, file)} → ${m[1]}`);
      }
    }
    expect(climbs).toEqual([]);
  });

  describe('the engine build’s linking step', () => {
    let dist: string;
    beforeEach(async () => {
      dist = await mkdtemp(path.join(tmpdir(), 'onedoor-link-'));
      await mkdir(path.join(dist, 'libs', 'working-calendar', 'src'), { recursive: true });
      await writeFile(path.join(dist, 'libs', 'working-calendar', 'src', 'index.js'), 'export const x = 1;\n');
    });
    afterEach(() => rm(dist, { recursive: true, force: true }));

    it('given an emitted module importing @onedoor/working-calendar, when linked, then it imports the lib’s compiled index by a relative path', async () => {
      const file = path.join(dist, 'apps', 'engine', 'src', 'engine.js');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "import { WorkingCalendar } from '@onedoor/working-calendar';\nconst lazy = () => import('@onedoor/working-calendar');\n");
      expect(linkDist(dist)).toBe(1);
      expect(await readFile(file, 'utf8')).toBe("import { WorkingCalendar } from '../../../libs/working-calendar/src/index.js';\nconst lazy = () => import('../../../libs/working-calendar/src/index.js');\n");
    });

    it('given an import of a lib that was not built, then the build fails naming it', () => {
      expect(() => linkLibAliases("import { a } from '@onedoor/contract-typo';", path.join(dist, 'a.js'), dist)).toThrow(/@onedoor\/contract-typo/);
    });
  });
});
