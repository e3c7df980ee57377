#!/usr/bin/env node
// `npx onedoor …` (package.json "bin"): builds the engine if its sources changed, then runs the
// CLI from the build. Build messages go to stderr so a command's own output stays clean.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWhatChanged } from './build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildWhatChanged(['engine'], (line) => {
  if (!line.endsWith('up to date')) console.error(line);
});
await import(pathToFileURL(path.join(root, 'dist/apps/engine/src/cli/cli-main.js')).href);
