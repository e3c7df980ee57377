import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENGINE = path.join(root, 'apps', 'engine', 'src');

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** The modules a folder's files import: package names as written, relative ones as engine folders ("runtime", "api"…). */
async function importsOf(folder: string): Promise<{ file: string; target: string }[]> {
  const found: { file: string; target: string }[] = [];
  for await (const file of sources(path.join(ENGINE, folder))) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      const specifier = m[1];
      const target = specifier.startsWith('.') ? path.relative(ENGINE, path.resolve(path.dirname(file), specifier)).split(path.sep)[0] : specifier;
      found.push({ file: path.relative(ENGINE, file), target });
    }
  }
  return found;
}

const crossing = async (folder: string, forbidden: (target: string) => boolean) =>
  (await importsOf(folder)).filter(({ target }) => forbidden(target)).map(({ file, target }) => `${file} → ${target}`);

/**
 * The layering of docs/architecture.md, held by the code: the engine core (model, runtime,
 * commands) is plain TypeScript without NestJS; each layer imports only those beneath it.
 */
describe('the engine’s layers', () => {
  it.each(['model', 'runtime', 'commands'])('given the core folder %s, none of it imports NestJS', async (folder) => {
    expect(await crossing(folder, (t) => t.startsWith('@nestjs/'))).toEqual([]);
  });

  it('given the model, it imports neither the runtime, the commands nor the API', async () => {
    expect(await crossing('model', (t) => ['runtime', 'commands', 'api'].includes(t))).toEqual([]);
  });

  it('given the runtime, it imports neither the commands nor the API', async () => {
    expect(await crossing('runtime', (t) => ['commands', 'api'].includes(t))).toEqual([]);
  });

  it('given identity, it never reaches back up into the commands or the API', async () => {
    expect(await crossing('identity', (t) => ['commands', 'api'].includes(t))).toEqual([]);
  });

  it('given the commands, they never import the HTTP shell', async () => {
    expect(await crossing('commands', (t) => t === 'api')).toEqual([]);
  });
});
