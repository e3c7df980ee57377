import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHarness } from '../support/browser-harness.js';
import { openBpmnFile, openModeler } from './support/modeler-page.js';
import { serveWeb } from './support/static-web-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

describe('modeler page', () => {
  const { page, server } = browserHarness({ serve: serveWeb, consoleErrors: true, stepTimeout: 10_000, viewport: { width: 1600, height: 1000 } });

  it('shows a real procedure with its step table, in Vietnamese, without page errors', async () => {
    // given
    await openModeler(page, server.baseUrl);

    // when
    await openBpmnFile(page, {
      name: 'real-procedure-1.001806.bpmn',
      buffer: await readFile(path.join(here, 'features/lint/real-procedure-1.001806.bpmn')),
    });
    await page.waitForSelector('.od-step-table tbody tr[data-element-id="tham-dinh"]');
    await page.click('.djs-element[data-element-id="tham-dinh"]');
    await page.waitForSelector('[data-group-id="group-od-step"]');

    // then
    await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'test-results/modeler.png') });
    expect(await page.locator('.od-step-table tbody tr').count()).toBe(7);
    expect(await page.locator('.djs-palette [aria-label="Tạo tác vụ"]').count()).toBe(1);

    // the picture of the diagram downloads too
    const download = page.waitForEvent('download');
    await page.click('[data-action="download-svg"]');
    const svg = await download;
    expect(svg.suggestedFilename()).toBe('real-procedure-1.001806.svg');
    const picture = await readFile((await svg.path())!, 'utf8');
    expect(picture.includes('<svg') && picture.includes('data-element-id="tham-dinh"')).toBe(true);
  });

  it('has a Vietnamese home page that leads to the designer', async () => {
    await page.goto(`${server.baseUrl}/`);

    expect(await page.locator('h1').textContent()).toBe('OneDoor — Một cửa điện tử');
    expect(await page.locator('[data-testid="open-modeler"]').getAttribute('href')).toBe('/modeler/');
    expect(await page.locator('.od-login-form button[type="submit"]').textContent()).toBe('Đăng nhập');
  });
});
