import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELER = path.join(root, 'apps', 'modeler', 'src');
const ENGINE = path.join(root, 'apps', 'engine');

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Every relative module a file imports (static, dynamic and type-only), resolved to a path. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

/**
 * The browser app speaks to the engine over HTTP only: its bundle never contains engine code
 * (which would drag NestJS, pg and the server's secrets' handling into the page), only libs/ and
 * its own modules. docs/architecture.md states the rule; this holds the code to it.
 */
describe('the browser app’s boundaries', () => {
  it('given every module of apps/modeler, none imports apps/engine', async () => {
    const crossings: string[] = [];
    for await (const file of sources(MODELER)) {
      for (const target of importsOf(file, await readFile(file, 'utf8'))) {
        if (target.startsWith(ENGINE + path.sep)) crossings.push(`${path.relative(root, file)} → ${path.relative(root, target)}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('given a module that did import the engine, the check would see it', () => {
    const file = path.join(MODELER, 'reports', 'example.ts');
    const imports = importsOf(file, "import type { Dashboard } from '../../../engine/src/reports/dashboard.js';\nconst x = await import('../../../engine/src/engine.js');");
    expect(imports.every((target) => target.startsWith(ENGINE + path.sep))).toBe(true);
    expect(imports).toHaveLength(2);
  });
});
