import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { browserHarness } from '../../../support/browser-harness.js';
import { openBpmnFile } from '../../support/modeler-page.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The modeler against the real engine (dist/web and /api on one origin): draw, configure
 * through the panel, deploy with the button, then run the procedure over HTTP.
 */
describe('deploying from the modeler to the engine', () => {
  const { page, server: engine, signInToModeler } = browserHarness({ acceptDialogs: true, stepTimeout: 10_000 });

  beforeEach(async () => {
    await page.goto(`${engine.baseUrl}/modeler/`);
    await page.waitForFunction(() => (window as any).onedoor?.modeler?.getDefinitions());
    await signInToModeler('admin');
  });

  it('draws start → 3 user tasks → end, configures them in the panel, deploys, and the first task reaches the department inbox', async () => {
    // given: a new diagram (start → end); remove the end event to draw after the start
    await newDiagram(page);
    await clickShape(page, 'ket-thuc');
    await page.click('.djs-context-pad .entry[data-action="delete"]');

    // when: three steps appended from the context pad and turned into user tasks
    const steps = [
      { name: 'Tiếp nhận hồ sơ', department: 'SYT_MOTCUA', role: 'reception', days: '0.5' },
      { name: 'Thẩm định hồ sơ', department: 'SYT_BTXH', role: 'specialist', days: '1' },
      { name: 'Phê duyệt kết quả', department: 'SYT_BTXH', role: 'head', days: '0.5' },
    ];
    let previous = 'bat-dau';
    const ids: string[] = [];
    for (const step of steps) {
      await clickShape(page, previous);
      await page.click('.djs-context-pad .entry[data-action="append.append-task"]');
      await page.keyboard.type(step.name);
      await page.keyboard.press('Enter');
      await page.click('.djs-context-pad .entry[data-action="replace"]');
      await page.click('.djs-popup [data-id="replace-with-user-task"]');
      previous = await selectedId(page);
      ids.push(previous);
    }
    await clickShape(page, previous);
    await page.click('.djs-context-pad .entry[data-action="append.end-event"]');

    // and: department, role and allowance through the properties panel
    for (const [index, step] of steps.entries()) {
      await clickShape(page, ids[index]);
      await page.locator('#bio-properties-panel-od-department').selectOption(step.department);
      await page.locator('#bio-properties-panel-od-role').selectOption(step.role);
      await page.locator('#bio-properties-panel-od-allowanceDays').fill(step.days);
      await page.waitForFunction(
        ([id, days]) => (window as any).onedoor.modeler.get('elementRegistry').get(id).businessObject.get('od:allowanceDays') === Number(days),
        [ids[index], step.days] as const,
      );
    }
    // and: the procedure itself (nothing selected: the panel shows the process)
    await page.evaluate(() => (window as any).onedoor.modeler.get('selection').select([]));
    await page.locator('#bio-properties-panel-od-procedureCode').fill('9.000999');
    await page.locator('#bio-properties-panel-od-statutoryDays').fill('2');
    // the panel debounces typing: wait until the statutory days are in the model and the table agrees
    await page.waitForFunction(() =>
      (window as any).onedoor.modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process').get('od:statutoryDays') === 2,
    );
    await page.waitForFunction(() => (document.querySelector('.od-step-statutory [data-field="statutory"]') as HTMLInputElement)?.value === '2');
    expect(await page.locator('.od-step-total [data-total]').getAttribute('data-total')).toBe('2');
    expect(await page.locator('.od-step-mismatch').count()).toBe(0);

    // when: deployed with the button
    await page.click('[data-action="deploy"]');
    await page.waitForSelector('.od-status[data-kind="success"]');

    // then: the engine knows the procedure…
    const key: string = await page.evaluate(() => (window as any).onedoor.modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process').id);
    expect(await page.locator('.od-status').textContent()).toBe(`Đã triển khai ${key}, phiên bản 1.`);
    const admin = await engine.login('admin');
    const definitions = await engine.http.get(`/api/process-definitions?key=${key}`).set('Authorization', admin);
    expect(definitions.body).toEqual([expect.objectContaining({ key, version: 1, procedureCode: '9.000999', statutoryDays: 2 })]);

    // …starts it over HTTP, and the first step waits in the one-stop desk's inbox
    const started = await engine.http.post(`/api/process-definitions/key/${key}/start`).set('Authorization', admin).send({ businessKey: 'HS-MODELER-1' });
    expect(started.status).toBe(201);
    const officer = await engine.login('motcua.syt');
    const inbox = await engine.http.get('/api/tasks?candidate=true').set('Authorization', officer);
    expect(inbox.status).toBe(200);
    expect(inbox.body.filter((task: any) => task.processInstanceId === started.body.id)).toEqual([
      expect.objectContaining({ elementId: ids[0], name: 'Tiếp nhận hồ sơ', departmentCode: 'SYT_MOTCUA' }),
    ]);
  });

  it('refuses to deploy while a lint error remains, and shows it on the element', async () => {
    // given: a user task without a department
    await newDiagram(page);
    await clickShape(page, 'bat-dau');
    await page.click('.djs-context-pad .entry[data-action="append.append-task"]');
    await page.keyboard.type('Bước chưa giao phòng');
    await page.keyboard.press('Enter');
    await page.click('.djs-context-pad .entry[data-action="replace"]');
    await page.click('.djs-popup [data-id="replace-with-user-task"]');
    const taskId = await selectedId(page);
    const key: string = await page.evaluate(() => (window as any).onedoor.modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process').id);

    // when
    await page.click('[data-action="deploy"]');

    // then: blocked, with the error in the problems list and on the canvas
    await page.waitForSelector('.od-status[data-kind="error"]');
    expect(await page.locator('.od-status').textContent()).toMatch(/^Chưa triển khai: còn \d+ lỗi/);
    const problem = page.locator(`.od-problem-error[data-element-id="${taskId}"]`, { hasText: 'od/step-department' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Bước chưa có phòng ban xử lý');
    await page.waitForSelector(`.djs-overlays[data-container-id="${taskId}"] .bjsl-overlay`);
    // painted, not just present (bpmn-js-bpmnlint's colours come from CSS variables we supply)
    const errorBadge = page.locator(`.djs-overlays[data-container-id="${taskId}"] .bjsl-icon-error`).first();
    expect(await errorBadge.evaluate((badge) => getComputedStyle(badge).backgroundColor)).toBe('rgb(204, 0, 0)');
    const admin = await engine.login('admin');
    expect((await engine.http.get(`/api/process-definitions?key=${key}`).set('Authorization', admin)).body).toEqual([]);
  });

  it('pins the engine’s element-level refusal on the offending element', async () => {
    // given: a diagram the linter accepts but the engine can't run (its decision table is not deployed)
    await openBpmnFile(page, { name: 'engine-refuses-missing-decision.bpmn', buffer: await readFile(path.join(here, 'engine-refuses-missing-decision.bpmn')) });
    await page.waitForFunction(() => (window as any).onedoor.app.documentName === 'engine-refuses-missing-decision');

    // when
    await page.click('[data-action="deploy"]');

    // then
    await page.waitForSelector('.od-status[data-kind="error"]');
    expect(await page.locator('.od-status').textContent()).toContain('Hệ thống từ chối quy trình');
    await page.waitForSelector('.djs-element.od-deploy-error[data-element-id="tinh-phi"]');
    await page.waitForSelector('.djs-overlays[data-container-id="tinh-phi"] .od-deploy-badge');
    const problem = page.locator('.od-problem-deploy[data-element-id="tinh-phi"]');
    expect(await problem.textContent()).toContain('bpmn:BusinessRuleTask');

    // and: opening the deployed list shows nothing of it
    await page.click('[data-action="open-deployed"]');
    await page.waitForSelector('.od-versions-dialog');
    expect(await page.locator('.od-versions-dialog [data-definition-id^="co-bang-quyet-dinh"]').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('opens a deployed version from the engine', async () => {
    // given: a procedure deployed over HTTP
    const admin = await engine.login('admin');
    const xml = await readFile(path.join(here, '../lint/real-procedure-1.001806.bpmn'), 'utf8');
    const deployed = await engine.http.post('/api/deployments').set('Authorization', admin).send({ name: '1.001806', bpmnXml: xml });
    expect(deployed.status).toBe(201);
    const [definition] = deployed.body.processDefinitions;

    // when
    await page.click('[data-action="open-deployed"]');
    await page.click(`.od-versions-dialog [data-definition-id="${definition.id}"] button:not([data-action])`);

    // then
    await page.waitForSelector('tr[data-element-id="tham-dinh"]');
    expect(await page.evaluate(() => (window as any).onedoor.app.documentName)).toBe(`${definition.key}-v${definition.version}`);
    expect(await page.locator('.od-step-table tbody tr').count()).toBe(7);
  });

  it('exports a deployed version as the annex its decision publishes (DOCX)', async () => {
    // given: the deployed list open
    const admin = await engine.login('admin');
    const [definition] = (await engine.http.get('/api/process-definitions?latest=true').set('Authorization', admin)).body;
    await page.click('[data-action="open-deployed"]');
    await page.waitForSelector('.od-versions-dialog');

    // when
    const download = page.waitForEvent('download');
    await page.click(`.od-versions-dialog [data-definition-id="${definition.id}"] [data-action="annex-docx"]`);
    const file = await download;

    // then
    expect(file.suggestedFilename()).toMatch(/^phu-luc-.+-v\d+\.docx$/);
    const xml = await (await JSZip.loadAsync(await readFile((await file.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    await page.keyboard.press('Escape');
  });
});

/** "Mới": a fresh start → end diagram; waits for it to replace the open one. */
async function newDiagram(page: Page): Promise<void> {
  const processId = () => page.evaluate(() => (window as any).onedoor.modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process')?.id);
  const before = await processId();
  await page.click('[data-action="new"]');
  await page.waitForFunction(
    (previous) => (window as any).onedoor.modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process')?.id !== previous,
    before,
  );
}

/** Selects a shape by clicking it (a click on the selected element would deselect it). */
async function clickShape(page: Page, elementId: string): Promise<void> {
  if ((await selectedId(page)) === elementId) return;
  await page.click(`.djs-element.djs-shape[data-element-id="${elementId}"]`);
  await page.waitForFunction((id) => (window as any).onedoor.modeler.get('selection').get().some((element: any) => element.id === id), elementId);
}

async function selectedId(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).onedoor.modeler.get('selection').get()[0]?.id);
}
