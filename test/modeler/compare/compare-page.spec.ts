import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { managersPagesHarness, screenshotPath } from './engine-with-history.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** The manager's before/after view at /compare/ against the real engine with a measured history. */
describe('comparing two versions of a procedure', () => {
  const { page, server: engine, signIn } = managersPagesHarness();
  let v1: string;
  let v2: string;
  let pairUrl: string;

  beforeAll(async () => {
    const admin = await engine.login('admin');
    const versions: { id: string; version: number }[] = (await engine.http.get(`/api/process-definitions?key=${KEY}`).set('Authorization', admin)).body;
    v1 = versions.find((d) => d.version === 1)!.id;
    v2 = versions.find((d) => d.version === 2)!.id;
    pairUrl = `/compare/?base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v2)}`;
  });

  it('given 1.001806 v1 and v2 with finished dossiers, when a manager picks the procedure, then the cut step is red, the table says 7 → 6 steps and the targets are met', async () => {
    // given: a manager on the comparison page
    await signIn('quanly', { at: '/compare/' });

    // when: the procedure is picked (the versions default to the first against the latest)
    await page.waitForSelector('[data-testid="procedure"]');
    await page.selectOption('[data-testid="procedure"]', KEY);
    await page.waitForSelector('main[data-state="ready"]');
    await waitForUrlWith(page, `base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v2)}`);

    // then: the versions
    expect(await selectedText(page, 'base-version')).toBe('phiên bản 1');
    expect(await selectedText(page, 'candidate-version')).toBe('phiên bản 2');

    // and: step 4 painted and badged red on the base, absent from the candidate; step 3 changed
    await page.waitForSelector('[data-testid="base-diagram"] .djs-element.od-diff-removed[data-element-id="buoc-4-xem-xet"]');
    expect(await page.locator('[data-testid="base-diagram"] .od-diff-removed-badge[data-element-id="buoc-4-xem-xet"]').textContent()).toBe('Cắt giảm');
    expect(await page.locator('[data-testid="candidate-diagram"] [data-element-id="buoc-4-xem-xet"]').count()).toBe(0);
    expect(await page.locator('[data-testid="candidate-diagram"] .djs-element.od-diff-changed[data-element-id="buoc-3-tham-dinh"]').count()).toBe(1);
    expect(await page.locator('[data-testid="candidate-diagram"] .djs-element.od-diff-added[data-element-id="f-buoc-3-tham-dinh-buoc-5-phe-duyet"]').count()).toBe(1);
    const stroke = await page
      .locator('[data-testid="base-diagram"] .djs-element[data-element-id="buoc-4-xem-xet"] .djs-visual > rect')
      .first()
      .evaluate((rect) => getComputedStyle(rect).stroke);
    expect(stroke).toBe('rgb(198, 40, 40)');

    // and: the metric table, Vietnamese number format
    expect(await rowCells(page, 'steps')).toEqual(['Số bước', '7', '6', '−1', '−14,3%']);
    const cost = await rowCells(page, 'complianceCost');
    expect(cost.slice(0, 4)).toEqual(['Chi phí tuân thủ', '170.000 đồng', '140.000 đồng', '−30.000 đồng']);
    expect(await page.locator('tr[data-metric="steps"]').getAttribute('class')).toBe('od-trend-improved');

    // and: the measured rows agree with the API
    const manager = await engine.login('quanly');
    const api = (await engine.http.get(`/api/comparisons?base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v2)}`).set('Authorization', manager)).body;
    expect(api.base.measured.dossiers).toBeGreaterThan(0);
    expect((await rowCells(page, 'dossiers')).slice(1, 3)).toEqual([String(api.base.measured.dossiers), String(api.candidate.measured.dossiers)]);

    // and: the verdict on both targets
    expect(await page.locator('[data-testid="verdict"]').getAttribute('data-met')).toBe(String(api.verdict.met));
    expect(await page.locator('[data-target="steps"]').getAttribute('data-met')).toBe('true');
    expect(await page.locator('[data-target="cost"]').getAttribute('data-met')).toBe('true');
    expect(await page.locator('.od-verdict-text').textContent()).toBe(api.verdict.text);

    // and: two charts drawn, and the what-if with its assumption in words
    expect(await page.locator('.od-charts canvas').count()).toBe(2);
    expect(await page.locator('[data-testid="what-if-assumption"]').textContent()).toBe(api.whatIf.assumption);
    expect(await page.locator('.od-what-if-figures [data-figure="dossiers"] dd').textContent()).toBe(String(api.whatIf.dossiers));

    await page.screenshot({ path: await screenshotPath('compare.png'), fullPage: true });
  });

  it('given the comparison on screen, when the table is downloaded, then it is a UTF-8 CSV with a BOM and the 7 → 6 steps', async () => {
    // given
    await signIn('quanly', { at: pairUrl });
    await page.waitForSelector('main[data-state="ready"]');

    // when
    const download = page.waitForEvent('download');
    await page.click('[data-action="download-csv"]');
    const file = await download;

    // then
    expect(file.suggestedFilename()).toBe(`so-sanh-${KEY}-v1-v2.csv`);
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Chỉ tiêu,Đơn vị,Trước (phiên bản 1),Sau (phiên bản 2),Chênh lệch,Chênh lệch (%)');
    expect(lines[1]).toBe('Số bước,bước,7,6,-1,-14.29');
  });

  it('given the comparison on screen, when the simplification plan is downloaded, then it is the before/after annex as a Word file with the cut step', async () => {
    // given
    await signIn('quanly', { at: pairUrl });
    await page.waitForSelector('main[data-state="ready"]');
    expect(await page.locator('[data-action="annex-plan-docx"]').textContent()).toBe('Phương án đơn giản hóa (DOCX)');

    // when
    const download = page.waitForEvent('download');
    await page.click('[data-action="annex-plan-docx"]');
    const file = await download;

    // then
    expect(file.suggestedFilename()).toBe('phuong-an-don-gian-hoa-1.001806-v1-v2.docx');
    const zip = await JSZip.loadAsync(await readFile((await file.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('PHƯƠNG ÁN ĐƠN GIẢN HÓA QUY TRÌNH NỘI BỘ');
    expect(xml).toContain('Cắt giảm bước');
  });

  it('given English chosen, when the comparison opens, then the page and the assumption are in English', async () => {
    // given
    await page.addInitScript(() => localStorage.setItem('onedoor.lang', 'en'));
    await signIn('quanly', { at: pairUrl });
    await page.waitForSelector('main[data-state="ready"]');

    // then
    expect(await rowCells(page, 'steps')).toEqual(['Steps', '7', '6', '−1', '−14.3%']);
    expect(await page.locator('[data-testid="what-if-assumption"]').textContent()).toMatch(/^Estimated on the assumption/);
    expect(await page.locator('h1.od-page-title').textContent()).toBe('Before and after simplification');
    // the app's one header, in English too
    expect(await page.locator('[data-testid="app-header"] .od-app-nav a').allTextContents()).toEqual(['Tasks', 'Dossiers', 'Tracking book', 'Compare versions', 'Reports', 'Working calendar']);
  });

  it('given an officer without the manager role, when the comparison opens, then it says the role is needed', async () => {
    await signIn('motcua.syt', { at: pairUrl });

    await page.waitForSelector('main[data-state="error"]');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('Tài khoản của bạn không xem được trang so sánh: cần vai trò quản lý.');
  });
});

async function rowCells(page: Page, metric: string): Promise<string[]> {
  return page.locator(`tr[data-metric="${metric}"] > *`).allTextContents();
}

async function selectedText(page: Page, testId: string): Promise<string> {
  return page.locator(`[data-testid="${testId}"]`).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0].textContent ?? '');
}

async function waitForUrlWith(page: Page, fragment: string): Promise<void> {
  await page.waitForFunction((part) => location.search.includes(part), fragment);
}
