import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(root, 'apps', 'modeler', 'src');
const FEATURES = path.join(SRC, 'features');

/**
 * Services that bpmn-js modules of other packages provide, by the package a feature imports the
 * module from (their sources are bundled JavaScript: a table is clearer than reading them).
 */
const PACKAGE_SERVICES: Record<string, string[]> = {
  'bpmn-js-properties-panel': ['propertiesPanel', 'debounceInput'],
  'bpmn-js-bpmnlint': ['linting'],
};

/**
 * Services a feature provides in place of bpmn-js's own: every modeler has one, so a feature
 * injecting it needs no dependency (i18n's `translate` only changes the words).
 */
const REPLACES_BPMN_JS = new Set(['translate']);

type Sources = Map<string, string>; // path relative to apps/modeler/src → text

async function readSources(dir: string, into: Sources = new Map()): Promise<Sources> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await readSources(full, into);
    else if (/\.ts$/.test(entry.name)) into.set(path.relative(SRC, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return into;
}

const featureOf = (file: string): string | null => /^features\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Where a file's imports point: a feature folder's file (`features/x/y.ts`) or a package name. */
function importsOf(file: string, text: string): { name: string; target: string }[] {
  const found: { name: string; target: string }[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?([^'";]*?)\s+from\s*['"]([^'"]+)['"]/g)) {
    const specifier = m[3];
    const target = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier;
    for (const name of m[2].replace(/[{}]/g, ' ').split(/[\s,]+/).filter((n) => n && n !== 'type' && n !== 'as')) found.push({ name, target });
  }
  return found;
}

/** The services a feature's code asks the modeler's injector for. */
function servicesUsed(text: string): string[] {
  const used: string[] = [];
  for (const m of text.matchAll(/\$inject\s*=\s*\[([^\]]*)\]/g)) used.push(...[...m[1].matchAll(/'([^']+)'/g)].map((s) => s[1]));
  for (const m of text.matchAll(/(?:useService|injector\.get|modeler\.get)\(\s*'([^']+)'/g)) used.push(m[1]);
  return used.filter((name) => !name.startsWith('config.') && name !== 'injector');
}

/** `name: ['type' | 'value' | 'factory', …]` entries of a bpmn-js module literal. */
const servicesProvided = (text: string): string[] => [...text.matchAll(/^\s*(\w+):\s*\[\s*'(?:type|value|factory)'/gm)].map((m) => m[1]);

/**
 * For every feature, the services it uses that another feature (or a package's module) provides
 * but that its bpmn-js modules do not declare, directly or through what they depend on:
 * `step-table uses departmentDirectory (properties) without declaring it`.
 */
export function undeclaredDependencies(sources: Sources): string[] {
  const features = new Set([...sources.keys()].map(featureOf).filter((f): f is string => f !== null));
  const providerOf = new Map<string, string>();
  for (const [pkg, services] of Object.entries(PACKAGE_SERVICES)) for (const service of services) providerOf.set(service, pkg);
  for (const [file, text] of sources) {
    const feature = featureOf(file);
    if (feature) for (const service of servicesProvided(text)) providerOf.set(service, feature);
  }
  // what each feature's modules list in __depends__, as features or packages
  const declared = new Map<string, Set<string>>([...features].map((f) => [f, new Set<string>()]));
  for (const [file, text] of sources) {
    const feature = featureOf(file);
    if (!feature) continue;
    const origin = new Map(importsOf(file, text).map((i) => [i.name, i.target]));
    for (const m of text.matchAll(/__depends__:\s*\[([^\]]*)\]/g)) {
      for (const name of m[1].split(',').map((n) => n.trim()).filter(Boolean)) {
        const target = origin.get(name);
        const by: string = target === undefined ? feature : (featureOf(target) ?? target);
        if (by !== feature) declared.get(feature)!.add(by);
      }
    }
    // `export const lintModule = bpmnlintModule`: a package's module offered as the feature's own
    for (const m of text.matchAll(/export const \w+\s*=\s*(\w+);/g)) {
      const target = origin.get(m[1]);
      if (target && !featureOf(target)) declared.get(feature)!.add(target);
    }
  }
  const reachable = (feature: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      for (const next of declared.get(f) ?? []) if (!seen.has(next)) (seen.add(next), visit(next));
    };
    visit(feature);
    return seen;
  };
  const missing = new Set<string>();
  for (const [file, text] of sources) {
    const feature = featureOf(file);
    if (!feature) continue;
    for (const service of servicesUsed(text)) {
      const provider = providerOf.get(service);
      if (!provider || provider === feature || REPLACES_BPMN_JS.has(service)) continue;
      if (!reachable(feature).has(provider)) missing.add(`${feature} uses ${service} (${provider}) without declaring it`);
    }
  }
  return [...missing].sort();
}

/**
 * bpmn-js's rule for features (one folder, one index declaring what it needs) held for the
 * modeler's: a newcomer reads a feature's dependencies in its index, and a modeler built with a
 * feature gets what the feature uses, never a service that happens to be there.
 */
describe('the modeler’s features', () => {
  let sources: Sources;
  beforeAll(async () => {
    sources = await readSources(SRC);
  });

  it('given every folder in features/, each has a module index', async () => {
    const folders = (await readdir(FEATURES, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((folder) => !sources.has(`features/${folder}/index.ts`))).toEqual([]);
  });

  it('given code outside a feature, it imports the feature through its index only', () => {
    const reachingIn: string[] = [];
    for (const [file, text] of sources) {
      for (const { target } of importsOf(file, text)) {
        const feature = featureOf(target);
        if (feature && featureOf(file) !== feature && target !== `features/${feature}/index.ts`) reachingIn.push(`${file} → ${target}`);
      }
    }
    expect([...new Set(reachingIn)]).toEqual([]);
  });

  it('given a feature using a service another feature provides, its module declares that feature in __depends__', () => {
    expect(undeclaredDependencies(sources)).toEqual([]);
  });

  it('given the step table without its __depends__, the check names the service it silently relies on', () => {
    const index = 'features/step-table/index.ts';
    const undeclared = new Map(sources).set(index, sources.get(index)!.replace(/__depends__:\s*\[[^\]]*\],?/, ''));
    expect(undeclaredDependencies(undeclared)).toEqual(['step-table uses departmentDirectory (properties) without declaring it']);
  });

  it('given the deploy feature without the lint module, the check sees the package service too', () => {
    const index = 'features/deploy/index.ts';
    const undeclared = new Map(sources).set(index, sources.get(index)!.replace(/__depends__:\s*\[[^\]]*\],?/, ''));
    expect(undeclaredDependencies(undeclared)).toEqual(['deploy uses linting (bpmn-js-bpmnlint) without declaring it']);
  });
});
