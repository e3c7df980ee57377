// Plain JS: runs right after tsc in `npm run build:engine`.
//
// The sources import the shared libraries as `@onedoor/<lib>` (tsconfig "paths", Jest's
// moduleNameMapper and Vite's alias say where they are). tsc checks those imports but emits
// them as written, and Node would look for a package in node_modules. This turns each one in the
// emitted JavaScript into the relative path of the lib's compiled index, so `node dist/…` runs
// from a fresh clone with nothing linked or installed for it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `from '@onedoor/x'`, `import '@onedoor/x'` and `import('@onedoor/x')`, as tsc emits them. */
const LIB_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])@onedoor\/([a-z0-9-]+)\2/g;

/** The text of an emitted module with its `@onedoor/…` imports made relative to `file`. */
export function linkLibAliases(text, file, distRoot) {
  return text.replace(LIB_IMPORT, (whole, lead, quote, lib) => {
    const index = path.join(distRoot, 'libs', lib, 'src', 'index.js');
    if (!existsSync(index)) throw new Error(`${path.relative(distRoot, file)} imports @onedoor/${lib}, but ${path.relative(distRoot, index)} was not built`);
    let relative = path.relative(path.dirname(file), index).split(path.sep).join('/');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return `${lead}${quote}${relative}${quote}`;
  });
}

function* emitted(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* emitted(full);
    else if (entry.name.endsWith('.js')) yield full;
  }
}

/** Rewrites every emitted module under `distRoot` in place; returns how many changed. */
export function linkDist(distRoot) {
  let changed = 0;
  for (const file of emitted(distRoot)) {
    if (file.startsWith(path.join(distRoot, 'web') + path.sep)) continue; // the browser bundle is Vite's
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@onedoor/')) continue;
    const linked = linkLibAliases(text, file, distRoot);
    if (linked !== text) {
      writeFileSync(file, linked);
      changed += 1;
    }
  }
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  linkDist(path.resolve(root, process.argv[2] ?? 'dist'));
}
