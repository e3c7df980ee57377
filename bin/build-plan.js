// Plain JS: runs before anything is compiled (npm start, npx onedoor).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What each part of the build reads and writes. A part is rebuilt when the content of what it
 * reads changed since its last successful build (a stamp in dist/), or an output is missing.
 */
export const BUILD_PARTS = {
  engine: {
    script: 'build:engine',
    reads: ['apps/engine/src', 'libs', 'bin/link-lib-aliases.js', 'test/bench', 'test/chaos', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'],
    writes: ['dist/apps/engine/src/main.js', 'dist/apps/engine/src/cli/cli-main.js', 'dist/openapi.json'],
  },
  modeler: {
    script: 'build:modeler',
    reads: ['apps/modeler', 'libs', 'tsconfig.json', 'package.json', 'package-lock.json'],
    writes: ['dist/web/index.html', 'dist/web/modeler/index.html'],
  },
};

/** A hash of every file's path and content under `reads` (a second start reads ~1 MB: a few ms). */
export function fingerprint(root, reads) {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return hash.update(`missing ${relative}\n`);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(relative, name));
      return;
    }
    hash.update(`${relative}\n`).update(readFileSync(full)).update('\n');
  };
  for (const relative of reads) visit(relative);
  return hash.digest('hex');
}

const stampFile = (root, name) => path.join(root, 'dist', '.build-stamps', `${name}.sha256`);

/** 'up to date', or why this part must be built. */
export function buildReason(root, name, part = BUILD_PARTS[name]) {
  const missing = part.writes.find((file) => !existsSync(path.join(root, file)));
  if (missing) return `${missing} is missing`;
  const stamp = stampFile(root, name);
  if (!existsSync(stamp)) return 'no record of the last build';
  if (readFileSync(stamp, 'utf8').trim() !== fingerprint(root, part.reads)) return 'sources changed';
  return 'up to date';
}

/** Records the fingerprint a successful build was made from (taken before it started). */
export async function recordBuild(root, name, print) {
  const file = stampFile(root, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${print}\n`);
}
