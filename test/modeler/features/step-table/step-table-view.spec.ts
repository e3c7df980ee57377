import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHarness } from '../../../support/browser-harness.js';
import { openBpmnFile, openModeler, readProperty } from '../../support/modeler-page.js';
import { serveWeb } from '../../support/static-web-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '../lint/real-procedure-1.001806.bpmn');

describe('step table beside the diagram', () => {
  const { page, server } = browserHarness({ serve: serveWeb, consoleErrors: true, stepTimeout: 10_000 });

  beforeEach(async () => {
    await openModeler(page, server.baseUrl);
    await openBpmnFile(page, { name: 'real-procedure-1.001806.bpmn', buffer: await readFile(fixture) });
    await page.waitForSelector('tr[data-element-id="tham-dinh"]');
  });

  const cell = (elementId: string, field: string) => page.locator(`tr[data-element-id="${elementId}"] [data-field="${field}"]`);
  const total = () => page.locator('.od-step-total [data-total]').getAttribute('data-total');
  const undo = () => page.evaluate(() => (window as any).onedoor.app.undo());

  it('publishes the steps in flow order with the counted total against the statutory days', async () => {
    const numbers = await page.locator('.od-step-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector('td')!.textContent}:${(row as HTMLElement).dataset.elementId}`),
    );
    expect(numbers).toEqual(['1:tiep-nhan', '2:phan-cong', '3:tham-dinh', '4:xem-xet', '5:phe-duyet', '6:van-thu', '7:tra-ket-qua']);
    expect(await total()).toBe('10');
    expect(await page.locator('.od-step-mismatch').count()).toBe(0);
  });

  it('edits the allowance (decimal comma) as an undoable command and flags the mismatch', async () => {
    // when
    await cell('tham-dinh', 'allowance').fill('7,5');
    await cell('tham-dinh', 'allowance').press('Enter');

    // then
    await page.waitForSelector('.od-step-total.od-step-mismatch');
    expect(await readProperty(page, 'tham-dinh', 'od:allowanceDays')).toBe(7.5);
    expect(await total()).toBe('10.5');
    expect(await page.locator('.od-mismatch-note').textContent()).toContain('10,5 ≠ 10');

    // when: undo from the toolbar
    await page.click('[data-action="undo"]');

    // then
    await page.waitForFunction(() => !document.querySelector('.od-step-mismatch'));
    expect(await readProperty(page, 'tham-dinh', 'od:allowanceDays')).toBe(7);
    expect(await cell('tham-dinh', 'allowance').inputValue()).toBe('7');
  });

  it('undoes and redoes with the keyboard once the cell is left', async () => {
    await cell('tham-dinh', 'allowance').fill('6');
    await cell('tham-dinh', 'allowance').press('Enter');
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject.get('od:allowanceDays') === 6);

    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject.get('od:allowanceDays') === 7);
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject.get('od:allowanceDays') === 6);
    expect(await total()).toBe('9');

    // Ctrl+S saves the diagram as a .bpmn download
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    expect((await download).suggestedFilename()).toBe('real-procedure-1.001806.bpmn');
  });

  it('renames, reassigns and un-counts steps from the table', async () => {
    await cell('phan-cong', 'name').fill('Phân công thụ lý');
    await cell('phan-cong', 'name').press('Tab');
    await cell('phan-cong', 'department').selectOption('MOTCUA');
    await cell('phan-cong', 'role').selectOption('clerk');
    await cell('phe-duyet', 'counted').uncheck();

    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('phe-duyet').businessObject.get('od:counted') === false);
    expect(await readProperty(page, 'phan-cong', 'name')).toBe('Phân công thụ lý');
    expect(await readProperty(page, 'phan-cong', 'od:department')).toBe('MOTCUA');
    expect(await readProperty(page, 'phan-cong', 'od:role')).toBe('clerk');
    expect(await total()).toBe('9');
    // the canvas label follows the table
    expect(await page.locator('.djs-element[data-element-id="phan-cong"] .djs-label').textContent()).toContain('thụ lý');

    // four commands back
    for (let i = 0; i < 4; i++) await undo();
    expect(await readProperty(page, 'phan-cong', 'name')).toBe('Phân công chuyên viên');
    expect(await readProperty(page, 'phe-duyet', 'od:counted')).toBe(true);
  });

  it('sets the statutory days from the footer', async () => {
    await page.locator('.od-step-statutory [data-field="statutory"]').fill('9,5');
    await page.locator('.od-step-statutory [data-field="statutory"]').press('Enter');

    await page.waitForSelector('.od-step-statutory.od-step-mismatch');
    expect(await readProperty(page, 'pool', 'od:statutoryDays', true)).toBe(9.5);
  });

  it('follows diagram changes and selects the element of a clicked row', async () => {
    // when: the diagram changes
    await page.evaluate(() => {
      const modeler = (window as any).onedoor.modeler;
      modeler.get('modeling').removeElements([modeler.get('elementRegistry').get('xem-xet')]);
    });

    // then
    await page.waitForFunction(() => !document.querySelector('tr[data-element-id="xem-xet"]'));
    expect(await page.locator('.od-step-table tbody tr').count()).toBe(6);
    expect(await total()).toBe('9.5');

    // when
    await page.locator('tr[data-element-id="van-thu"] td').first().click();

    // then
    const selected = await page.evaluate(() => (window as any).onedoor.modeler.get('selection').get().map((element: any) => element.id));
    expect(selected).toEqual(['van-thu']);
    expect(await page.locator('tr[data-element-id="van-thu"]').getAttribute('class')).toContain('is-selected');
  });
});
