import { Database } from '../../../apps/engine/src/persistence/database.js';
import { browserHarness } from '../../support/browser-harness.js';
import { DossierFixtures } from './dossier-fixtures.js';
import { CODES, PRINTED_AT, seedScenarios } from './dossier-scenarios.js';
import { startDocumentsTestApp } from './documents-test-app.js';

describe('the /tra-cuu page in a browser', () => {
  // A CSP hash that no longer matches the script shows up as a console error, not as a failing click.
  const { page, server: t } = browserHarness({ serve: () => startDocumentsTestApp(PRINTED_AT), viewport: { width: 800, height: 900 }, onePage: true, consoleErrors: true });

  beforeAll(async () => {
    const fixtures = new DossierFixtures(new Database(t.db.dataSource));
    await fixtures.organisation();
    await seedScenarios(fixtures);
  });

  it('given the code and phone of a dossier, when the applicant looks it up, then status, dates and current step show', async () => {
    await page.goto(`${t.baseUrl}/tra-cuu`);
    await page.fill('#code', CODES.processing);
    await page.fill('#phone', '0912 345 678');
    await page.click('button[type=submit]');
    await page.waitForSelector('#result:not([hidden])');
    expect(await page.textContent('#r-status')).toBe('Đang xử lý');
    expect(await page.textContent('#r-step')).toBe('Phê duyệt kết quả');
    expect(await page.textContent('#r-received')).toBe('01/04/2027 09:00');
    // in the look of the agency's app: its header bar, its blue
    expect(await page.locator('header.bar').textContent()).toContain('OneDoor');
    expect(await page.locator('header.bar').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(11, 92, 173)');
  });

  it('given a wrong phone, when the applicant looks it up, then a Vietnamese message says nothing was found', async () => {
    await page.fill('#phone', '0900000000');
    await page.click('button[type=submit]');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toContain('Không tìm thấy hồ sơ');
    expect(await page.isHidden('#result')).toBe(true);
  });
});
