import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { browserHarness } from '../../support/browser-harness.js';
import { openBpmnFile } from '../support/modeler-page.js';
import { screenshotPath } from './engine-with-history.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** "Rút gọn quy trình" in the modeler: the deployed version minus the flagged steps becomes a new version. */
describe('simplifying from the modeler', () => {
  const { page, server: engine, signInToModeler } = browserHarness({ engine: { processes: true }, acceptDialogs: true, setupTimeout: 180_000 });
  let admin: string;

  beforeAll(async () => {
    admin = await engine.login('admin');
  });

  beforeEach(async () => {
    await page.goto(`${engine.baseUrl}/modeler/`);
    await page.waitForFunction(() => (window as any).onedoor?.modeler?.getDefinitions());
    await signInToModeler('admin');
  });

  it('given 1.001806 v1 opened from the engine with step 4 flagged, when simplified, then a new version without it exists and opens in the modeler', async () => {
    // given
    const v1 = await definitionId(1);
    await openDeployed(page, v1);
    expect(await page.locator('.od-step-table tbody tr').count()).toBe(7);
    // opening is not an edit: simplify must not ask about undeployed changes
    expect(await page.evaluate(() => (window as any).onedoor.app.changedSinceDeploy)).toBe(false);

    // when
    await page.click('[data-action="simplify"]');

    // then: the result names the cut step and the new version
    const dialog = page.locator('[data-testid="simplify-result"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="new-version"]').textContent()).toBe(`Phiên bản mới: ${KEY} phiên bản 3 (từ phiên bản 1).`);
    expect(await dialog.locator('.od-simplify-removed li').allTextContents()).toEqual(['Trưởng phòng xem xét, trình Lãnh đạo Sở (buoc-4-xem-xet)']);
    expect(await page.locator('.od-status').textContent()).toBe(`Đã rút gọn: ${KEY} phiên bản 3, bỏ 1 bước.`);
    const v3 = await definitionId(3);
    expect(await dialog.locator('[data-action="open-compare"]').getAttribute('href')).toBe(`/compare/?base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v3)}`);
    await page.screenshot({ path: await screenshotPath('simplify.png') });

    // and: the engine has it, 6 steps
    const steps = await engine.http.get(`/api/process-definitions/${encodeURIComponent(v3)}/steps`).set('Authorization', admin);
    expect(steps.body.steps.map((s: { elementId: string }) => s.elementId)).not.toContain('buoc-4-xem-xet');
    expect(steps.body.steps).toHaveLength(6);

    // when: the new version is opened here
    await dialog.locator('[data-action="open-new-version"]').click();

    // then
    await page.waitForFunction((id) => (window as any).onedoor.app.deployed?.id === id, v3);
    await page.waitForFunction(() => document.querySelectorAll('.od-step-table tbody tr').length === 6);
    expect(await page.evaluate(() => (window as any).onedoor.app.documentName)).toBe(`${KEY}-v3`);
  });

  it('given a procedure with a flagged step just deployed from the modeler, when simplified, then the new version follows the deployed one', async () => {
    // given: 9.000101 v1 opened from a file and deployed with the button (the engine makes it version 3)
    await openBpmnFile(page, { name: '9.000101.v1.bpmn', buffer: await readFile(path.join(here, '../../../processes/9.000101.v1.bpmn')) });
    await page.waitForFunction(() => (window as any).onedoor.app.documentName === '9.000101.v1');
    await page.click('[data-action="deploy"]');
    await page.waitForSelector('.od-status[data-kind="success"]');
    const deployedVersion: number = await page.evaluate(() => (window as any).onedoor.app.deployed.version);

    // when
    await page.click('[data-action="simplify"]');

    // then
    const dialog = page.locator('[data-testid="simplify-result"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="new-version"]').textContent()).toContain(`phiên bản ${deployedVersion + 1} (từ phiên bản ${deployedVersion})`);
    await dialog.locator('[data-action="close"]').click();
    expect(await page.evaluate(() => (window as any).onedoor.app.deployed.version)).toBe(deployedVersion);
  });

  it('given a flagged step the engine cannot bypass, when simplified, then the refusal is pinned on that step', async () => {
    // given: deployed over HTTP, opened from the engine
    const xml = await readFile(path.join(here, 'simplify-refuses-step-with-boundary-timer.bpmn'), 'utf8');
    const deployed = await engine.http.post('/api/deployments').set('Authorization', admin).send({ name: 'co-nhac-han', bpmnXml: xml });
    expect(deployed.status).toBe(201);
    await openDeployed(page, deployed.body.processDefinitions[0].id);

    // when
    await page.click('[data-action="simplify"]');

    // then: marked on the canvas and listed under Problems, like a refused deploy
    await page.waitForSelector('.od-status[data-kind="error"]');
    expect(await page.locator('.od-status').textContent()).toMatch(/^Hệ thống từ chối rút gọn quy trình: .*\(xem mục Vấn đề\)$/);
    await page.waitForSelector('.djs-element.od-deploy-error[data-element-id="tham-dinh"]');
    await page.waitForSelector('.djs-overlays[data-container-id="tham-dinh"] .od-deploy-badge');
    expect(await page.locator('.od-problem-deploy[data-element-id="tham-dinh"]').textContent()).toContain('boundary event nhac-han');
    expect((await engine.http.get('/api/process-definitions?key=co-nhac-han').set('Authorization', admin)).body).toHaveLength(1);
  });

  it('given a new diagram never deployed, when simplify is clicked, then it asks to deploy or open a deployed version first', async () => {
    await page.click('[data-action="new"]');
    await page.click('[data-action="simplify"]');

    await page.waitForSelector('.od-status[data-kind="error"]');
    expect(await page.locator('.od-status').textContent()).toBe(
      'Hãy triển khai quy trình hoặc mở một phiên bản đã triển khai trước: việc rút gọn thực hiện trên phiên bản đã triển khai.',
    );
  });

  async function definitionId(version: number): Promise<string> {
    const list: { id: string; version: number }[] = (await engine.http.get(`/api/process-definitions?key=${KEY}`).set('Authorization', admin)).body;
    return list.find((d) => d.version === version)!.id;
  }
});

async function openDeployed(page: Page, definitionId: string): Promise<void> {
  await page.click('[data-action="open-deployed"]');
  await page.click(`.od-versions-dialog [data-definition-id="${definitionId}"] button`);
  await page.waitForFunction((id) => (window as any).onedoor.app.deployed?.id === id, definitionId);
}
