import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { managersPagesHarness, screenshotPath } from '../compare/engine-with-history.js';

/** The managers' reports at /reports/ against the real engine, with dossiers run through the demo history. */
describe('reports page', () => {
  const { page, server: engine, signIn } = managersPagesHarness();
  let manager: string;

  beforeAll(async () => {
    manager = await engine.login('quanly');
  });

  it('given dossiers of 2026, when a manager picks the year, then form II.06a lists every unit with the Vietnamese headings and the totals', async () => {
    // given
    await signIn('quanly', { at: '/reports/' });
    await page.waitForSelector('main[data-state="ready"], main[data-state="error"]');

    // when
    await page.selectOption('[data-testid="period-kind"]', 'year');
    await page.selectOption('[data-testid="period-year"]', '2026');
    await waitForReport(page, 'period=2026');

    // then: the headings of the form
    expect(await page.locator('.od-ii06a thead tr:first-child th').allTextContents()).toEqual([
      'STT', 'Đơn vị', 'Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết', 'Khác',
    ]);
    expect(await page.locator('.od-ii06a thead tr:nth-child(2) th').allTextContents()).toEqual([
      'Tổng số', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước chuyển qua',
      'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn',
      'Tổng số', 'Trong hạn', 'Quá hạn',
      'Chờ bổ sung', 'Rút hồ sơ', 'Dừng giải quyết',
    ]);

    // and: the rows and the totals are the engine's
    const api = (await engine.http.get('/api/reports/ii06a?period=2026&groupBy=department').set('Authorization', manager)).body;
    expect(api.total.received.total).toBe(40); // 5 procedures × 2 versions × 4 dossiers
    expect(await page.locator('.od-ii06a tbody tr').count()).toBe(api.rows.length);
    const total = await page.locator('.od-ii06a-total > *').allTextContents();
    expect(total.slice(1, 3)).toEqual(['Tổng cộng', '40']);
    expect(total.slice(2).map(Number)).toEqual(figures(api.total));
    const first = api.rows[0];
    expect(await page.locator(`.od-ii06a tbody tr[data-key="${first.key}"] th`).textContent()).toBe(`${first.name} (${first.key})`);
    // (a period still running says when its figures were taken: "overdue" means overdue by then)
    const running = new Date(api.asOf).getTime() < new Date(api.period.endsBefore).getTime();
    expect(await page.locator('[data-testid="period-label"]').textContent()).toMatch(
      new RegExp(`^Kỳ báo cáo: ${api.period.label.replace(/[()]/g, '\\$&')}${running ? ' · số liệu tính đến \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}' : ''}$`),
    );

    // and: the Decision 766 gauges show the engine's indices
    const dashboard = (await engine.http.get('/api/reports/dashboard?period=2026').set('Authorization', manager)).body;
    // progress, online, transparency, the three digitisation measures, satisfaction, online payment and the overall score
    expect(await page.locator('.od-gauge canvas').count()).toBe(9);
    const progress = await page.locator('[data-index="progress"] .od-gauge-value').getAttribute('data-value');
    expect(Number(progress)).toBeCloseTo(dashboard.indices.progress.value * 100, 6);
    expect(await page.locator('[data-index="overall"] .od-gauge-value').textContent()).toBe(
      `${dashboard.overall.score.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`,
    );

    // and: the period's petitions, as the engine reports them for the same instants
    await page.waitForSelector('[data-testid="petitions-report"]');
    const petitions = (await engine.http.get(`/api/petitions/report?from=${dashboard.period.startsAt}&to=${dashboard.period.endsBefore}`).set('Authorization', manager)).body;
    expect(await page.locator('[data-testid="petitions-report"] [data-figure="received"] th').textContent()).toBe('Tiếp nhận');
    expect(await page.locator('[data-testid="petitions-report"] [data-figure="received"] td').textContent()).toBe(String(petitions.received.total));

    await page.screenshot({ path: await screenshotPath('reports.png'), fullPage: true });
  });

  it('given the report by field for the year, when CSV and Excel are downloaded, then the CSV is UTF-8 with a BOM and the totals, the Excel a workbook', async () => {
    // given
    await signIn('quanly', { at: '/reports/?period=2026&groupBy=field' });
    await waitForReport(page, 'groupBy=field');
    expect(await page.locator('.od-ii06a thead th').nth(1).textContent()).toBe('Lĩnh vực');
    expect(await page.locator('.od-ii06a tbody tr[data-key="Bảo trợ xã hội"]').count()).toBe(1);

    // when
    const csvDownload = page.waitForEvent('download');
    await page.click('[data-action="download-csv"]');
    const csv = await csvDownload;

    // then
    expect(csv.suggestedFilename()).toMatch(/^bao-cao-ii06a-2025-12-15-2026-12-14\.csv$/);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith('Lĩnh vực,Số hồ sơ nhận giải quyết - Tổng số,')).toBe(true);
    expect(lines[lines.length - 1].startsWith('Tổng cộng,40,')).toBe(true);

    // when
    const xlsxDownload = page.waitForEvent('download');
    await page.click('[data-action="download-xlsx"]');
    const xlsx = await xlsxDownload;

    // then: a zip (an Office Open XML workbook)
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('given a quarter picked, then the period follows the 15th–14th rule', async () => {
    await signIn('quanly', { at: '/reports/?period=2026-Q3' });
    await waitForReport(page, 'period=2026-Q3');

    await page.selectOption('[data-testid="period-part"]', '2');
    await waitForReport(page, 'period=2026-Q2');

    expect(await page.locator('[data-testid="period-label"]').textContent()).toBe('Kỳ báo cáo: Quý II/2026 (15/03/2026 – 14/06/2026)');
  });

  it('given an officer without the manager role, when the reports open, then it says the role is needed', async () => {
    await signIn('motcua.syt', { at: '/reports/?period=2026' });

    await page.waitForSelector('main[data-state="error"]');
    expect(await page.locator('.od-report .od-error').textContent()).toBe('Tài khoản của bạn không xem được báo cáo: cần vai trò quản lý.');
  });
});

/** Waits until the page shows the report whose address has `fragment`. */
async function waitForReport(page: Page, fragment: string): Promise<void> {
  await page.waitForFunction((part) => location.search.includes(part) && document.querySelector('main')?.dataset.state === 'ready', fragment);
}

function figures(f: any): number[] {
  return [
    f.received.total, f.received.online, f.received.directOrPostal, f.received.carriedOver,
    f.resolved.total, f.resolved.early, f.resolved.onTime, f.resolved.late,
    f.inProgress.total, f.inProgress.withinTime, f.inProgress.overdue,
    f.waitingForSupplement, f.withdrawn, f.stopped,
  ];
}
