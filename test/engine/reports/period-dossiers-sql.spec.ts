import fc from 'fast-check';
import { periodDossiersSql } from '../../../apps/engine/src/queries/reports/period-dossiers-sql.js';
import { parsePeriod } from '../../../apps/engine/src/reports/period.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { seedDossiers, type DossierSeed } from './seed-dossiers.js';

/**
 * The dossiers a period report is about are read in two parts for speed (received in the
 * period, through the receipt index; received before and alive at its start, through the
 * lifetime index). Whatever the dates, the two parts together must be exactly the definition:
 * accepted, received before the period's end, and not finished before its start.
 */
describe('the dossiers of a period', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  const localTime = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
  const from = Date.parse('2026-05-01T00:00:00Z');
  const span = 200 * 86_400_000;

  it('given random receipts and finishes around the periods (open, finished, finished "before" their receipt), then the report reads exactly the dossiers alive in each period', async () => {
    // given: 400 dossiers over May–November 2026
    const dossier = fc.record({
      received: fc.integer({ min: 0, max: span }),
      lasts: fc.option(fc.integer({ min: -2 * 86_400_000, max: 60 * 86_400_000 }), { nil: null, freq: 3 }),
      status: fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 10),
      channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
    });
    const seeds: DossierSeed[] = fc.sample(dossier, { numRuns: 400, seed: 22 }).map((d, i) => ({
      code: `P-${i}`,
      agency: 'SYT',
      channel: d.channel,
      receivedAt: localTime(from + d.received),
      finishedAt: d.lasts === null ? null : localTime(from + d.received + d.lasts),
      status: d.status,
    }));
    await seedDossiers(t.dataSource, seeds);

    for (const period of ['2026-Q3', '2026-M07', '2026-M08', '2026-M09', '2026-M10', '2026']) {
      const { startsAt, endsBefore } = parsePeriod({ period });
      const params = [startsAt, endsBefore, endsBefore];
      // when
      const read: { code: string }[] = await t.dataSource.query(`WITH ${periodDossiersSql('agency_code')} SELECT code FROM relevant ORDER BY code`, params);
      // then: the definition, spelled out
      const defined: { code: string }[] = await t.dataSource.query(
        `SELECT code FROM dossier
          WHERE status NOT IN (1, 3) AND received_at < $2 AND (finished_at IS NULL OR greatest(finished_at, received_at) >= $1)
          ORDER BY code`,
        params.slice(0, 2),
      );
      expect({ period, codes: read.map((r) => r.code) }).toEqual({ period, codes: defined.map((r) => r.code) });
      expect(defined.length).toBeGreaterThan(0);
    }
  });
});
