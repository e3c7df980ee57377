import fc from 'fast-check';
import { classifyTimeliness } from '@onedoor/working-calendar';
import { timelinessSql } from '../../../apps/engine/src/queries/reports/timeliness-sql.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const local = (s: string) => new Date(`${s}+07:00`);

describe('timeliness in SQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  /**
   * Both places the definition is spelled in SQL: the expression reports classify with, and the
   * function the counts of finished dossiers are kept with (migration 1764200027000; status 10,
   * resolved).
   */
  const SPELLINGS = [
    ['the report expression', timelinessSql('f', 'd')],
    ['od_finished_outcome', `od_finished_outcome(10::smallint, f, d)`],
  ];

  /** Classifies every (finished, due) pair in one statement, as the report does. */
  async function inSql(pairs: [Date, Date][], expression: string): Promise<string[]> {
    const rows: { result: string }[] = await t.dataSource.query(
      `SELECT ${expression} AS result FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS x(f, d, n) ORDER BY n`,
      [pairs.map(([f]) => f.toISOString()), pairs.map(([, d]) => d.toISOString())],
    );
    return rows.map((r) => r.result);
  }

  it.each(SPELLINGS)('given the edge cases of the one definition, then %s and classifyTimeliness agree', async (_name, expression) => {
    const due = local('2027-04-26T17:00:00');
    const morningDue = local('2027-04-26T10:00:00');
    const earlyMorningDue = local('2027-04-26T06:00:00'); // 25/04 23:00 UTC: the UTC day would say "same day"
    const pairs: [Date, Date][] = [
      [local('2027-04-23T16:59:00'), due],
      [local('2027-04-25T10:00:00'), due],
      [local('2027-04-25T23:59:59.999'), due],
      [local('2027-04-26T00:00:00'), due],
      [local('2027-04-26T17:00:00'), due],
      [local('2027-04-26T17:00:00.001'), due],
      [local('2027-04-27T07:30:00'), due],
      [local('2027-04-23T16:00:00'), morningDue],
      [local('2027-04-26T09:59:00'), morningDue],
      [local('2027-04-26T10:01:00'), morningDue],
      [local('2027-04-25T23:30:00'), earlyMorningDue],
      [local('2027-04-26T05:59:59'), earlyMorningDue],
      [local('2027-04-26T06:00:01'), earlyMorningDue],
      [local('2026-12-31T23:59:59'), local('2027-01-01T00:00:00')],
    ];
    const expected = pairs.map(([f, d]) => classifyTimeliness(f, d));
    expect(expected).toEqual(['early', 'early', 'early', 'on_time', 'on_time', 'late', 'late', 'early', 'on_time', 'late', 'early', 'on_time', 'late', 'early']);
    expect(await inSql(pairs, expression)).toEqual(expected);
  });

  it.each(SPELLINGS)('given random instants around due instants, then %s and classifyTimeliness agree on every pair', async (_name, expression) => {
    const base = local('2026-01-01T00:00:00').getTime();
    const instant = fc.integer({ min: 0, max: 3 * 86_400_000 }).map((ms) => new Date(base + ms));
    const pairs = fc.sample(fc.tuple(instant, instant), { numRuns: 2000, seed: 7 });
    expect(await inSql(pairs, expression)).toEqual(pairs.map(([f, d]) => classifyTimeliness(f, d)));
  });
});
