import { randomUUID } from 'node:crypto';
import { dashboardIndices } from '../../../apps/engine/src/queries/reports/dashboard.js';
import { dashboardCsv } from '../../../apps/engine/src/reports/dashboard-csv.js';
import { parsePeriod } from '../../../apps/engine/src/reports/period.js';
import { DEFAULT_REPORT_CONFIG } from '../../../apps/engine/src/reports/report-config.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { at, seedDossiers } from './seed-dossiers.js';

/**
 * Issue #23: the digitisation measures and satisfaction in the Decision 766 dashboard, on five
 * dossiers of Q3 2026 (15/06 – 14/09/2026) whose figures are worked out by hand below.
 */
describe('Decision 766 dashboard: digitisation, electronic results, reuse, satisfaction', () => {
  let t: TestDatabase;
  let db: Database;
  const q3 = parsePeriod({ period: '2026-Q3' });
  const file = async (code: string, addedAt: string, reusedFrom: string | null = null) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO dossier_file (id, dossier_code, purpose, component_id, component_kind, component_name, file_name, content_type, size_bytes, sha256, storage, storage_key, added_by, added_at, reused_from)
       VALUES ($1, $2, 'component', 'don', 'don', 'Đơn', 'don.pdf', 'application/pdf', 10, $3, 'directory', '2026-07/x', 'motcua', $4, $5)`,
      [id, code, '0'.repeat(64), at(addedAt), reusedFrom],
    );
    return id;
  };
  const set = (code: string, digitisedAt: string | null, electronic: boolean) =>
    t.dataSource.query(`UPDATE dossier SET components_digitised_at = $2, result_electronic = $3 WHERE code = $1`, [code, digitisedAt ? at(digitisedAt) : null, electronic]);
  const rate = (code: string, rating: string, ratedAt: string) => t.dataSource.query(`INSERT INTO dossier_rating (dossier_code, rating, rated_at) VALUES ($1, $2, $3)`, [code, rating, at(ratedAt)]);

  beforeAll(async () => {
    t = await createTestDatabase();
    db = new Database(t.dataSource);
    await seedDossiers(t.dataSource, [
      { code: 'D1', agency: 'SYT', channel: 'direct', receivedAt: '2026-07-01T09:00', legalDueAt: '2026-07-10T17:00', finishedAt: '2026-07-05T10:00', returnedAt: '2026-07-05T10:00', status: 10 },
      { code: 'D2', agency: 'SYT', channel: 'online', receivedAt: '2026-07-02T09:00', legalDueAt: '2026-07-10T17:00', finishedAt: '2026-07-20T10:00', returnedAt: '2026-07-20T10:00', status: 10 },
      { code: 'D3', agency: 'SYT', channel: 'direct', receivedAt: '2026-07-03T09:00', legalDueAt: '2026-09-30T17:00', status: 4 },
      { code: 'D4', agency: 'SYT', channel: 'direct', receivedAt: '2026-07-04T09:00', legalDueAt: '2026-07-10T17:00', finishedAt: '2026-07-08T10:00', returnedAt: '2026-07-08T10:00', status: 10 },
      { code: 'D5', agency: 'SYT', channel: 'direct', receivedAt: '2026-06-01T09:00', legalDueAt: '2026-06-20T17:00', finishedAt: '2026-07-01T10:00', returnedAt: '2026-07-01T10:00', status: 10 },
    ]);
    const earlier = await file('D5', '2026-06-01T09:30'); // D5 was received before the period: its file counts nowhere
    await file('D1', '2026-07-01T09:30');
    await file('D1', '2026-07-01T09:31', earlier);
    await file('D2', '2026-07-02T09:30');
    await file('D3', '2026-07-03T09:30', earlier);
    await file('D3', '2026-07-03T09:31', earlier);
    await file('D4', '2026-09-20T09:00'); // after the period's end
    await set('D1', '2026-07-01T09:31', true);
    await set('D2', null, false);
    await set('D3', '2026-07-03T09:31', false);
    await set('D4', '2026-09-20T09:00', true); // digitised only after the period
    await set('D5', '2026-06-01T09:30', true);
    await rate('D1', 'satisfied', '2026-07-06T08:00');
    await rate('D2', 'normal', '2026-07-21T08:00');
    await rate('D4', 'dissatisfied', '2026-07-09T08:00');
    await rate('D5', 'satisfied', '2026-07-02T08:00');
  });
  afterAll(() => t.close());

  it('given the seeded dossiers, then each measure equals the hand-computed figure', async () => {
    const { indices, overall } = await dashboardIndices(db, q3, DEFAULT_REPORT_CONFIG.weights);
    // digitisation: D1 and D3 fully digitised in the period ÷ D1–D4 received in it; D4 only after the end
    expect(indices.digitisation).toEqual({ value: 0.5, numerator: 2, denominator: 4, weight: 8, points: 4 });
    // electronic results: D1, D4, D5 ÷ the resolved D1 (early), D2 (late), D4 (early), D5 (late)
    expect(indices.electronicResult).toEqual({ value: 0.75, numerator: 3, denominator: 4, weight: 8, points: 6 });
    // reuse: of the 5 files of D1–D3 added in the period (D4's came after it), D1's second and both of D3's were reused
    expect(indices.reuse).toEqual({ value: 0.6, numerator: 3, denominator: 5, weight: 6, points: 3.6 });
    // satisfaction: (2 satisfied + ½ × 1 normal) ÷ 4 ratings
    expect(indices.satisfaction).toEqual({ value: 0.625, numerator: 2.5, denominator: 4, weight: 18, points: 11.25 });
    // progress: D1, D4 early + D3 within time ÷ D1–D5 judged = 3/5 × 20 = 12; online: D2 ÷ 4 received = 0.25 × 12 = 3;
    // transparency: no sync record, 0 of 18. Total 12 + 3 + 0 + 4 + 6 + 3.6 + 11.25 = 39.85 of 90
    expect(indices.progress.points).toBe(12);
    expect(indices.online.points).toBe(3);
    expect(overall).toEqual({ points: 39.85, maxPoints: 90, score: 44.28 });
  });

  it('given the export, then the CSV has one line per index, in Vietnamese, with the same figures', async () => {
    const csv = dashboardCsv(await dashboardIndices(db, q3, DEFAULT_REPORT_CONFIG.weights));
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[1]).toBe('Chỉ số,Tử số,Mẫu số,Tỷ lệ (%),Điểm tối đa,Điểm đạt');
    expect(lines).toContain('Số hóa thành phần hồ sơ,2,4,50,8,4');
    expect(lines).toContain('Trả kết quả điện tử,3,4,75,8,6');
    expect(lines).toContain('Tái sử dụng giấy tờ đã số hóa,3,5,60,6,3.6');
    expect(lines).toContain('Mức độ hài lòng,2.5,4,62.5,18,11.25');
    expect(lines.at(-1)).toBe('Tổng điểm,,,44.28,90,39.85');
  });
});
