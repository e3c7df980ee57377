import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHarness } from '../../../support/browser-harness.js';
import { openBpmnFile, openModeler, selectElement } from '../../support/modeler-page.js';
import { serveWeb } from '../../support/static-web-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('modeler language', () => {
  const { page, server } = browserHarness({ serve: serveWeb, consoleErrors: true, stepTimeout: 10_000 });

  it('speaks Vietnamese by default: palette, context pad, replace menu, properties panel', async () => {
    await openModeler(page, server.baseUrl);

    // the new diagram is Vietnamese-named
    expect(await page.locator('.djs-element[data-element-id="bat-dau_label"]').textContent()).toBe('Bắt đầu');
    expect(await page.locator('.djs-palette [aria-label="Tạo sự kiện bắt đầu"]').count()).toBe(1);

    await selectElement(page, 'bat-dau');
    await page.waitForSelector('.djs-context-pad .entry[title="Nối tác vụ"]');
    await page.click('.djs-context-pad .entry[data-action="replace"]');
    await page.waitForSelector('.djs-popup');
    expect(await page.locator('.djs-popup [data-id="replace-with-message-start"]').textContent()).toContain('Sự kiện bắt đầu bằng thông điệp');
    await page.keyboard.press('Escape');

    expect(await page.locator('.bio-properties-panel-group-header-title').allTextContents()).toContain('Thông tin chung');
    expect(await page.locator('[data-action="deploy"]').textContent()).toBe('Triển khai');
  });

  it('switches to English on reload and keeps the open diagram', async () => {
    // given a diagram opened from a file
    await openModeler(page, server.baseUrl);
    await openBpmnFile(page, {
      name: 'real-procedure-1.001806.bpmn',
      buffer: await readFile(path.join(here, '../lint/real-procedure-1.001806.bpmn')),
    });
    await page.waitForSelector('tr[data-element-id="tham-dinh"]');

    // when
    await Promise.all([page.waitForEvent('load'), page.click('[data-action="switch-language"]')]);
    await page.waitForFunction(() => (window as any).onedoor?.app?.documentName === 'real-procedure-1.001806');

    // then
    expect(await page.locator('.djs-palette [aria-label="Create task"]').count()).toBe(1);
    expect(await page.locator('[data-action="deploy"]').textContent()).toBe('Deploy');
    expect(await page.locator('.od-step-table thead th').allTextContents()).toEqual(['Step', 'What is done', 'Department', 'Role', 'Time allowed (days)', 'Counted']);
    expect(await page.locator('tr[data-element-id="tham-dinh"] [data-field="allowance"]').inputValue()).toBe('7');
    expect(await page.evaluate(() => localStorage.getItem('onedoor.lang'))).toBe('en');

    // and back
    await Promise.all([page.waitForEvent('load'), page.click('[data-action="switch-language"]')]);
    await page.waitForSelector('.djs-palette [aria-label="Tạo tác vụ"]');
  });
});
