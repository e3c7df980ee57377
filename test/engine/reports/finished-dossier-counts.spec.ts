import fc from 'fast-check';
import type { Ii06aFigures } from '@onedoor/contract';
import { ii06aReport } from '../../../apps/engine/src/queries/reports/ii06a.js';
import { periodDossiersSql } from '../../../apps/engine/src/queries/reports/period-dossiers-sql.js';
import { parsePeriod } from '../../../apps/engine/src/reports/period.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { seedDossiers, seedDossiersInBulk, type DossierSeed } from './seed-dossiers.js';

/**
 * II.06a reads the dossiers finished in its period from counts the database keeps as dossiers
 * are written (report_finished_count), and reads only the dossiers open at the period's end.
 * Whatever is written — bulk inserts, finishes, re-openings, withdrawals, moves between agencies
 * and fields, new due dates, deletions — the form must be exactly what classifying every dossier
 * of the period says (period-dossiers-sql.ts, itself checked against the definition).
 */
describe('II.06a from the counts of finished dossiers', () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = new Database(t.dataSource);
  });
  afterAll(() => t.close());

  const localTime = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
  const from = Date.parse('2026-05-01T00:00:00Z');
  const day = 86_400_000;
  const PERIODS = ['2026-Q3', '2026-M07', '2026-M08', '2026-M10', '2026'];

  /** The form as classifying every dossier of the period says it, for one grouping. */
  async function definedForm(period: string, groupBy: 'department' | 'field'): Promise<Map<string | null, Ii06aFigures>> {
    const { startsAt, endsBefore } = parsePeriod({ period });
    const rows: { grp: string | null; outcome: string; received_in_period: boolean; channel: string; n: number }[] = await t.dataSource.query(
      `WITH ${periodDossiersSql(groupBy === 'department' ? 'agency_code' : 'field')}
       SELECT grp, outcome, received_in_period, channel, count(*)::int AS n FROM classified GROUP BY 1, 2, 3, 4`,
      [startsAt, endsBefore, endsBefore],
    );
    const forms = new Map<string | null, Ii06aFigures>();
    for (const r of rows) {
      if (!forms.has(r.grp)) forms.set(r.grp, emptyFigures());
      const f = forms.get(r.grp)!;
      f.received.total += r.n;
      if (!r.received_in_period) f.received.carriedOver += r.n;
      else if (r.channel === 'online') f.received.online += r.n;
      else f.received.directOrPostal += r.n;
      if (r.outcome === 'early' || r.outcome === 'on_time' || r.outcome === 'late') {
        f.resolved.total += r.n;
        f.resolved[r.outcome === 'early' ? 'early' : r.outcome === 'late' ? 'late' : 'onTime'] += r.n;
      } else if (r.outcome === 'within_time' || r.outcome === 'overdue') {
        f.inProgress.total += r.n;
        f.inProgress[r.outcome === 'overdue' ? 'overdue' : 'withinTime'] += r.n;
      } else if (r.outcome === 'waiting') f.waitingForSupplement += r.n;
      else if (r.outcome === 'withdrawn') f.withdrawn += r.n;
      else f.stopped += r.n;
    }
    return forms;
  }

  async function expectFormsAsDefined(when: string): Promise<void> {
    for (const period of PERIODS) {
      for (const groupBy of ['department', 'field'] as const) {
        const report = await ii06aReport(db, parsePeriod({ period }), groupBy);
        const read = new Map(report.rows.map(({ key, name: _name, ...figures }) => [key, figures]));
        expect({ when, period, groupBy, rows: read }).toEqual({ when, period, groupBy, rows: await definedForm(period, groupBy) });
      }
    }
  }

  it('given random dossiers written and rewritten in every way, then after each round the form is exactly what classifying every dossier says', async () => {
    // given: 300 dossiers over May–November 2026, written in one statement, across two agencies and fields
    const dossier = fc.record({
      received: fc.integer({ min: 0, max: 200 * day }),
      lasts: fc.option(fc.integer({ min: -2 * day, max: 60 * day }), { nil: null, freq: 3 }),
      dueIn: fc.option(fc.integer({ min: 0, max: 30 * day }), { nil: null, freq: 5 }),
      status: fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 10),
      channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
      agency: fc.constantFrom('SYT', 'SLD'),
      field: fc.constantFrom('Y tế', 'Lao động', null),
    });
    const seeds: DossierSeed[] = fc.sample(dossier, { numRuns: 300, seed: 27 }).map((d, i) => ({
      code: `C-${i}`,
      agency: d.agency,
      field: d.field,
      channel: d.channel,
      receivedAt: localTime(from + d.received),
      legalDueAt: d.dueIn === null ? null : localTime(from + d.received + d.dueIn),
      finishedAt: d.lasts === null ? null : localTime(from + d.received + d.lasts),
      waitingSince: d.status === 5 ? localTime(from + d.received + day) : null,
      status: d.status,
    }));
    await seedDossiersInBulk(t.dataSource, seeds);
    await expectFormsAsDefined('seeded');

    // when: every kind of rewrite twice, each one statement on a random set of dossiers
    const CHANGES = [
      `finished_at = received_at + interval '9 days', status = 10`,
      `finished_at = NULL, status = 4`,
      `status = 7`,
      `status = 3`,
      `agency_code = CASE agency_code WHEN 'SYT' THEN 'SLD' ELSE 'SYT' END`,
      `field = CASE WHEN field IS NULL THEN 'Y tế' END`,
      `channel = 'online'`,
      `legal_due_at = received_at + interval '2 days'`,
      `received_at = received_at - interval '20 days'`,
      `revision = revision + 1`,
      'DELETE',
    ];
    const codeSets = fc.sample(fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { minLength: 10, maxLength: 60 }), { numRuns: 2 * CHANGES.length, seed: 2027 });
    for (const [round, numbers] of codeSets.entries()) {
      const change = CHANGES[round % CHANGES.length];
      const codes = numbers.map((i) => `C-${i}`);
      if (change === 'DELETE') await t.dataSource.query(`DELETE FROM dossier WHERE code = ANY($1)`, [codes]);
      else await t.dataSource.query(`UPDATE dossier SET ${change} WHERE code = ANY($1)`, [codes]);
      // then
      await expectFormsAsDefined(`round ${round}: ${change} on ${codes.length} dossiers`);
    }
  });

  it('given the only finished dossier of an agency moved to another, then the form has no row left for the first', async () => {
    // given
    await seedDossiers(t.dataSource, [
      { code: 'M-1', agency: 'STP', channel: 'online', receivedAt: '2026-07-06T09:00', legalDueAt: '2026-07-20T17:00', finishedAt: '2026-07-08T10:00', status: 10 },
    ]);
    const q3 = parsePeriod({ period: '2026-Q3' });
    expect((await ii06aReport(db, q3, 'department')).rows.map((r) => r.key)).toContain('STP');
    // when
    await t.dataSource.query(`UPDATE dossier SET agency_code = 'SYT' WHERE code = 'M-1'`);
    // then: its count is zero, and a zero is no row
    expect((await ii06aReport(db, q3, 'department')).rows.map((r) => r.key)).not.toContain('STP');
  });

  it('given two nodes finishing dossiers of the same key at once, then the second waits for the first and both are counted', async () => {
    // given: two open dossiers of one agency, field, channel, received the same day
    await seedDossiers(t.dataSource, [
      { code: 'K-1', agency: 'SXD', field: 'Xây dựng', channel: 'direct', receivedAt: '2026-08-03T09:00', legalDueAt: '2026-08-20T17:00', status: 4 },
      { code: 'K-2', agency: 'SXD', field: 'Xây dựng', channel: 'direct', receivedAt: '2026-08-03T10:00', legalDueAt: '2026-08-20T17:00', status: 4 },
    ]);
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    try {
      // when: both finish on the same day, in transactions that overlap
      await first.startTransaction();
      await second.startTransaction();
      await first.query(`UPDATE dossier SET finished_at = '2026-08-10T09:00+07', status = 10 WHERE code = 'K-1'`);
      const waiting = second.query(`UPDATE dossier SET finished_at = '2026-08-10T15:00+07', status = 10 WHERE code = 'K-2'`);
      await first.commitTransaction();
      await waiting;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    // then
    const [count] = await t.dataSource.query(`SELECT n, outcome FROM report_finished_count WHERE agency_code = 'SXD'`);
    expect(count).toEqual({ n: 2, outcome: 'early' });
    const report = await ii06aReport(db, parsePeriod({ period: '2026-Q3' }), 'department');
    expect(report.rows.find((r) => r.key === 'SXD')?.resolved).toEqual({ total: 2, early: 2, onTime: 0, late: 0 });
  });
});

function emptyFigures(): Ii06aFigures {
  return {
    received: { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinTime: 0, overdue: 0 },
    waitingForSupplement: 0,
    withdrawn: 0,
    stopped: 0,
  };
}
