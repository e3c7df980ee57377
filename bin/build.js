#!/usr/bin/env node
// `npm start` runs this first: it builds only the parts whose sources changed since their last
// build, so a second start takes seconds. `node bin/build.js engine` builds the engine part only.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_PARTS, buildReason, fingerprint, recordBuild } from './build-plan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildWhatChanged(names = Object.keys(BUILD_PARTS), log = (line) => console.log(line)) {
  for (const name of names) {
    const part = BUILD_PARTS[name];
    if (!part) throw new Error(`no build part "${name}" (parts: ${Object.keys(BUILD_PARTS).join(', ')})`);
    const reason = buildReason(root, name);
    if (reason === 'up to date') {
      log(`OneDoor: ${name} build is up to date`);
      continue;
    }
    const print = fingerprint(root, part.reads);
    log(`OneDoor: building the ${name} (${reason})…`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['run', '--silent', part.script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) {
      log(`OneDoor: the ${name} build failed (npm run ${part.script} exited ${run.status ?? run.signal}); see its output above.`);
      process.exit(run.status || 1);
    }
    await recordBuild(root, name, print);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  await buildWhatChanged(names.length ? names : undefined);
}
