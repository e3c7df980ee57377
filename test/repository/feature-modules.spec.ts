import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CONTROLLERS, FEATURE_MODULES } from '../../apps/engine/src/app.module.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const API = path.join(root, 'apps', 'engine', 'src', 'api');

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** The classes a file declares under @Controller. */
function controllersIn(text: string): string[] {
  return [...text.matchAll(/@Controller\([^)]*\)\s*(?:@\w+\([^)]*\)\s*)*export class (\w+)/g)].map((m) => m[1]);
}

/** Services a controller builds for itself instead of being given: `new X(engine…)`, `new X(this.…)`, or a module-level `const X = new Y(…)`. */
function selfMadeServices(text: string): string[] {
  return [
    ...[...text.matchAll(/new ([A-Z]\w*)\((?:engine|organisation|this\.engine|this\.organisation|config)\b/g)].map((m) => m[1]),
    ...[...text.matchAll(/^(?:export )?const \w+ = new ([A-Z]\w*)\(/gm)].map((m) => m[1]),
  ];
}

/**
 * Issue #21: the API is NestJS feature modules (tasks, dossiers, reports…), each declaring its
 * controllers and providing, through DI, the services they use; no controller builds its own.
 */
describe('the API’s feature modules', () => {
  it('given every controller class under api/, each belongs to exactly one feature module', async () => {
    const declared: string[] = [];
    for await (const file of sources(API)) declared.push(...controllersIn(await readFile(file, 'utf8')));
    const registered = APP_CONTROLLERS.map((c) => c.name);
    expect([...registered].sort()).toEqual([...declared].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('given the feature modules, each declares at least one controller', () => {
    expect(FEATURE_MODULES.filter((m) => !(Reflect.getMetadata('controllers', m) ?? []).length).map((m) => m.name)).toEqual([]);
  });

  it('given every controller file, none builds a service for itself', async () => {
    const made: string[] = [];
    for await (const file of sources(API)) {
      const text = await readFile(file, 'utf8');
      if (controllersIn(text).length === 0) continue;
      for (const service of selfMadeServices(text)) made.push(`${path.relative(root, file)}: new ${service}`);
    }
    expect(made).toEqual([]);
  });

  it('given a controller that did build one, the check would see it', () => {
    expect(selfMadeServices('const LIMIT = new LookupRateLimiter(5, 600);\n  this.queries = new DossierQueries(engine.db, engine.services.calendar);')).toEqual(['DossierQueries', 'LookupRateLimiter']);
    expect(controllersIn("@ApiTags('x')\n@Controller('api/x')\nexport class XController {}")).toEqual(['XController']);
  });
});
