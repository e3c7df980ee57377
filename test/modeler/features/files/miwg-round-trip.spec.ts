import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHarness } from '../../../support/browser-harness.js';
import { inventory } from '../../support/moddle-inventory.js';
import { openBpmnFile, openModeler } from '../../support/modeler-page.js';
import { parseBpmn } from '../../support/read-bpmn.js';
import { serveWeb } from '../../support/static-web-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const miwgFolder = path.resolve(repoRoot, 'test/fixtures/miwg');

/**
 * The 21 MIWG reference diagrams go through the real UI: "Mở tệp…" then "Tải .bpmn". The file
 * downloaded must hold every element and diagram shape of the original, by id and type, and
 * as many of each kind of id-less element (waypoints, bounds, labels, extension content).
 */
describe('MIWG round trip in the modeler', () => {
  const { page, server } = browserHarness({ serve: serveWeb, consoleErrors: true, stepTimeout: 10_000, acceptDialogs: true, onePage: true });

  beforeAll(async () => {
    await openModeler(page, server.baseUrl);
  });

  it('finds the 21 reference files', async () => {
    expect((await readdir(miwgFolder)).filter((file) => file.endsWith('.bpmn'))).toHaveLength(21);
  });

  const files = ['A.1.0', 'A.2.0', 'A.2.1', 'A.3.0', 'A.4.0', 'A.4.1', 'B.1.0', 'B.2.0', 'C.1.0', 'C.1.1', 'C.2.0', 'C.3.0', 'C.4.0', 'C.5.0', 'C.6.0', 'C.7.0', 'C.8.0', 'C.8.1', 'C.9.0', 'C.9.1', 'C.9.2'];

  it.each(files)('%s opens and saves back with every element and shape', async (name) => {
    // given
    const original = await readFile(path.join(miwgFolder, `${name}.bpmn`));

    // when: opened through the file picker…
    await openBpmnFile(page, { name: `${name}.bpmn`, buffer: original });
    await page.waitForFunction((expected) => (window as any).onedoor.app.documentName === expected, name);
    const status = await page.locator('.od-status').getAttribute('data-kind');

    // …and saved with the download button
    const download = page.waitForEvent('download');
    await page.click('[data-action="download-bpmn"]');
    const saved = await download;
    const savedXml = await readFile((await saved.path())!, 'utf8');
    // kept for a look when the comparison fails (test-results/ is not committed)
    await mkdir(path.join(repoRoot, 'test-results/miwg'), { recursive: true });
    await writeFile(path.join(repoRoot, `test-results/miwg/${name}.saved.bpmn`), savedXml);

    // then
    expect(saved.suggestedFilename()).toBe(`${name}.bpmn`);
    expect(status).not.toBe('error');
    const before = inventory((await parseBpmn(original.toString('utf8'))).definitions);
    const after = inventory((await parseBpmn(savedXml)).definitions);
    expect([...before.identified].filter((entry) => !after.identified.has(entry))).toEqual([]);
    expect([...after.identified].filter((entry) => !before.identified.has(entry))).toEqual([]);
    // bpmn-js adds an (id-less) diagram for each collapsed sub-process drawn without one, so
    // its content can be opened: the only growth allowed
    const drilldownTypes = ['bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane'];
    const counts = (inventoryCounts: Map<string, number>) =>
      Object.fromEntries([...inventoryCounts].filter(([type]) => !drilldownTypes.includes(type)));
    expect(counts(after.countsByType)).toEqual(counts(before.countsByType));
    for (const type of drilldownTypes) {
      expect(after.countsByType.get(type) ?? 0).toBeGreaterThanOrEqual(before.countsByType.get(type) ?? 0);
    }
  });
});
