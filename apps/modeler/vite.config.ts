import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';

const modelerRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(modelerRoot, '../..');

/**
 * Multi-page build of the browser app. The engine serves `dist/web` statically on the same
 * origin as `/api`, so the output folder and `base: '/'` are a contract with the engine.
 */
export default defineConfig({
  root: modelerRoot,
  base: '/',
  // favicon.svg and other files served as they are, at the root
  publicDir: path.join(modelerRoot, 'public'),
  // `@onedoor/<lib>` is a shared library's index, as in tsconfig "paths".
  resolve: { alias: [{ find: /^@onedoor\/([a-z0-9-]+)$/, replacement: path.join(repoRoot, 'libs/$1/src/index.ts') }] },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // bpmn-js, the properties panel and FEEL make one big modeler chunk; that is expected.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: {
        home: path.join(modelerRoot, 'index.html'),
        modeler: path.join(modelerRoot, 'modeler/index.html'),
        compare: path.join(modelerRoot, 'compare/index.html'),
        reports: path.join(modelerRoot, 'reports/index.html'),
        calendar: path.join(modelerRoot, 'calendar/index.html'),
        operations: path.join(modelerRoot, 'operations/index.html'),
      },
    },
  },
  server: {
    // `vite --config apps/modeler/vite.config.ts` during development, with the engine on :3000.
    proxy: { '/api': 'http://localhost:3000' },
    fs: { allow: [repoRoot] },
  },
});
