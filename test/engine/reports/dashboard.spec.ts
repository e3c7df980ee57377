import { dashboardIndices } from '../../../apps/engine/src/queries/reports/dashboard.js';
import { parsePeriod } from '../../../apps/engine/src/reports/period.js';
import { DEFAULT_REPORT_CONFIG } from '../../../apps/engine/src/reports/report-config.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { Q3_2026_DOSSIERS } from './q3-2026-dossiers.js';
import { at, seedDossiers } from './seed-dossiers.js';

describe('Decision 766 dashboard', () => {
  let t: TestDatabase;
  let db: Database;
  const q3 = parsePeriod({ period: '2026-Q3' });

  beforeAll(async () => {
    t = await createTestDatabase();
    db = new Database(t.dataSource);
    await seedDossiers(t.dataSource, Q3_2026_DOSSIERS);
    const outbox = async (code: string, delivered: boolean) =>
      t.dataSource.query(`INSERT INTO portal_outbox (dossier_code, created_at, payload, next_attempt_at, delivered_at) VALUES ($1, $2, '{}', $2, $3)`, [
        code, at('2026-07-01T09:00'), delivered ? at('2026-07-01T09:01') : null,
      ]);
    await outbox('SYT-01', true); // synced: every record delivered
    await outbox('SYT-01', true);
    await outbox('SYT-02', true); // not synced: one record still queued
    await outbox('SYT-02', false);
    await outbox('SLD-01', true); // synced
    await outbox('SYT-08', true); // synced, but received in Q4: not a Q3 dossier
  });
  afterAll(() => t.close());

  it('given the Q3 2026 dossiers, then progress, online and transparency follow the II.06a counts', async () => {
    const dashboard = await dashboardIndices(db, q3, DEFAULT_REPORT_CONFIG.weights);
    expect(dashboard.period.label).toBe('Quý III/2026 (15/06/2026 – 14/09/2026)');
    // progress: (early 3 + on time 4 + within time 3) ÷ (resolved 10 + in progress 6); waiting, withdrawn, stopped left out
    expect(dashboard.indices.progress).toEqual({ value: 0.625, numerator: 10, denominator: 16, weight: 20, points: 12.5 });
    // online: 5 received online ÷ 16 received in the period (carried over not counted again)
    expect(dashboard.indices.online).toEqual({ value: 0.3125, numerator: 5, denominator: 16, weight: 12, points: 3.75 });
    // transparency: SYT-01 and SLD-01 ÷ all 19 dossiers of the period
    expect(dashboard.indices.transparency).toEqual({ value: 0.1053, numerator: 2, denominator: 19, weight: 18, points: 1.89 });
    // no file was digitised and no result issued electronically: 0 of 16 and 0 of the 10 resolved; nothing reused or rated
    expect(dashboard.indices.digitisation).toEqual({ value: 0, numerator: 0, denominator: 16, weight: 8, points: 0 });
    expect(dashboard.indices.electronicResult).toEqual({ value: 0, numerator: 0, denominator: 10, weight: 8, points: 0 });
    expect(dashboard.indices.reuse.value).toBeNull();
    expect(dashboard.indices.satisfaction.value).toBeNull();
    // 12.5 + 3.75 + 18 × 2/19 = 18.1447 of 50 + 8 + 8 (reuse and satisfaction have nothing to divide by)
    expect(dashboard.overall).toEqual({ points: 18.14, maxPoints: 66, score: 27.49 });
  });

  it('given other weights, then only the points and the overall score change', async () => {
    const dashboard = await dashboardIndices(db, q3, { transparency: 0, progress: 1, online: 0 });
    expect(dashboard.indices.progress.value).toBe(0.625);
    expect(dashboard.overall).toEqual({ points: 0.63, maxPoints: 1, score: 62.5 });
  });

  it('given a period without dossiers, then no index has a value and there is no score', async () => {
    const dashboard = await dashboardIndices(db, parsePeriod({ period: '2020' }), DEFAULT_REPORT_CONFIG.weights);
    expect(dashboard.indices.progress).toEqual({ value: null, numerator: 0, denominator: 0, weight: 20, points: null });
    expect(dashboard.overall).toEqual({ points: 0, maxPoints: 0, score: null });
  });
});
