import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoHistory } from '../../../apps/engine/src/bootstrap/demo-history.js';
import { browserHarness } from '../../support/browser-harness.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The real engine with every procedure of processes/ deployed and a few finished and open
 * dossiers per version run through the real commands (the demo history, small), so the
 * comparison and the reports have measured numbers to show.
 */
export async function startEngineWithHistory(perVersion = 4): Promise<TestEngine> {
  const engine = await startTestEngine({ processes: true });
  await generateDemoHistory(engine.db.dataSource, {
    seed: 2026,
    perVersion,
    startAt: new Date('2026-03-02T00:30:00Z'),
    organisationFile: path.join(repoRoot, 'processes', 'organisation.json'),
    calendar: () => engine.calendar.current(),
  });
  return engine;
}

/** test-results/<name>, the folder made if needed. */
export async function screenshotPath(name: string): Promise<string> {
  await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
  return path.join(repoRoot, 'test-results', name);
}

/**
 * The managers' pages (comparison, reports) in a wide browser against the engine with history;
 * console errors fail a test, and no session outlives it.
 */
export function managersPagesHarness() {
  return browserHarness({
    serve: () => startEngineWithHistory(4),
    viewport: { width: 1440, height: 1000 },
    consoleErrors: true,
    clearStorage: true,
    setupTimeout: 240_000,
  });
}
