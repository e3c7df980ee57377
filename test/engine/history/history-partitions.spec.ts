import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cleanupHistory, monthVerdict } from '../../../apps/engine/src/persistence/history/history-cleanup.js';
import { ensureHistoryPartitions, historyMonths } from '../../../apps/engine/src/persistence/history/history-partitions.js';
import { DAY, EngineHarness, HOUR } from '../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * History as it is stored: one row per user task, in its instance's month partition, created
 * ahead by any node, dropped whole once its dossiers' retention has passed.
 */
describe('partitioned history', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'retained-steps.bpmn');
  });
  afterAll(() => h.close());

  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => h.db.dataSource.query(text, params) as Promise<T[]>;

  /** Runs a dossier of `key` from start to end, starting at `at`; returns its instance id. */
  async function finishedDossier(key: string, at: Date, steps: string[]): Promise<string> {
    h.clock.current = at;
    const { id } = await h.start(key, { applicant: 'Nguyễn Thị Lan' });
    for (const step of steps) {
      h.clock.advance(2 * HOUR);
      await h.complete(id, step, { [`${step}Note`]: 'đủ hồ sơ' });
    }
    return id;
  }

  it('given a dossier with two user tasks, when both are completed, then history holds one row per task carrying the task’s end', async () => {
    const id = await finishedDossier('retained-steps', new Date('2027-03-02T02:00:00Z'), ['receive', 'sign']);

    const rows = await query<{ activity_id: string; task_id: string | null; outcome: string | null; ended_by: string | null; allowance_days: string | null }>(
      `SELECT activity_id, task_id, outcome, ended_by, allowance_days FROM hist_activity_instance WHERE instance_id = $1 ORDER BY seq`,
      [id],
    );
    expect(rows.map((r) => r.activity_id)).toEqual(['start', 'receive', 'sign', 'end']);
    const tasks = rows.filter((r) => r.task_id !== null);
    expect(tasks.map((r) => [r.activity_id, r.outcome, r.ended_by, Number(r.allowance_days)])).toEqual([
      ['receive', 'completed', 'system', 1],
      ['sign', 'completed', 'system', 1],
    ]);
    // The old table is a view over those rows now: nothing else was written.
    const [kind] = await query<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'hist_task_instance'`);
    expect(kind.relkind).toBe('v');
    const viewed = await query<{ element_id: string; outcome: string }>(`SELECT element_id, outcome FROM hist_task_instance WHERE instance_id = $1 ORDER BY created_at`, [id]);
    expect(viewed).toEqual([
      { element_id: 'receive', outcome: 'completed' },
      { element_id: 'sign', outcome: 'completed' },
    ]);
  });

  it('given dossiers started in two months, then each one’s history rows (steps and variables) land in its start month’s partition', async () => {
    await ensureHistoryPartitions(h.engine.db, new Date('2027-03-01T00:00:00Z'));
    const march = await finishedDossier('retained-steps', new Date('2027-03-31T23:30:00Z'), ['receive']);
    const april = await finishedDossier('retained-steps', new Date('2027-04-01T00:30:00Z'), []);
    h.clock.current = new Date('2027-04-03T02:00:00Z');
    // The March dossier's next step is completed in April: it still goes to March.
    await h.complete(march, 'sign');

    const where = await query<{ instance_id: string; partition: string }>(
      `SELECT DISTINCT instance_id, tableoid::regclass::text AS partition FROM hist_activity_instance WHERE instance_id = ANY($1::uuid[])
       UNION SELECT DISTINCT instance_id, tableoid::regclass::text FROM hist_variable_update WHERE instance_id = ANY($1::uuid[]) ORDER BY 2`,
      [[march, april]],
    );
    expect(where).toEqual([
      { instance_id: march, partition: 'hist_activity_instance_y2027m03' },
      { instance_id: april, partition: 'hist_activity_instance_y2027m04' },
      { instance_id: march, partition: 'hist_variable_update_y2027m03' },
      { instance_id: april, partition: 'hist_variable_update_y2027m04' },
    ]);
  });

  it('given a month nobody created a partition for, when a dossier starts in it, then its rows wait in the DEFAULT partition and move into the month once it is created', async () => {
    const id = await finishedDossier('retained-steps', new Date('2014-05-06T02:00:00Z'), ['receive', 'sign']);
    const before = await query<{ partition: string }>(`SELECT DISTINCT tableoid::regclass::text AS partition FROM hist_activity_instance WHERE instance_id = $1`, [id]);
    expect(before).toEqual([{ partition: 'hist_activity_instance_default' }]);

    const created = await ensureHistoryPartitions(h.engine.db, new Date('2027-03-01T00:00:00Z'));

    expect(created).toEqual(expect.arrayContaining(['hist_activity_instance_y2014m05', 'hist_variable_update_y2014m05']));
    const after = await query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM hist_activity_instance WHERE instance_id = $1 GROUP BY 1`,
      [id],
    );
    expect(after).toEqual([{ partition: 'hist_activity_instance_y2014m05', n: 4 }]);
    const [leftover] = await query<{ n: number }>(`SELECT (SELECT count(*) FROM hist_activity_instance_default) + (SELECT count(*) FROM hist_variable_update_default) AS n`);
    expect(Number(leftover.n)).toBe(0);
  });

  it('given two nodes creating the same months at once, then each partition is created once and a second round creates nothing', async () => {
    const now = new Date('2031-01-15T00:00:00Z');
    const [first, second] = await Promise.all([ensureHistoryPartitions(h.engine.db, now), ensureHistoryPartitions(h.engine.db, now)]);

    const all = [...first, ...second].sort();
    expect(all).toEqual(
      ['2031m01', '2031m02', '2031m03', '2031m04'].flatMap((m) => [`hist_activity_instance_y${m}`, `hist_variable_update_y${m}`]).sort(),
    );
    expect(await ensureHistoryPartitions(h.engine.db, now)).toEqual([]);
  });

  describe('cleanup', () => {
    const now = new Date('2027-06-15T00:00:00Z');

    it('given a month whose dossiers ended longer ago than their procedure’s retention, when cleanup runs, then the month’s partitions are dropped and logged', async () => {
      await query(`INSERT INTO procedure_retention (procedure_key, retention_years, legal_basis) VALUES ('retained-steps', 5, 'spec') ON CONFLICT (procedure_key) DO UPDATE SET retention_years = 5`);
      const old = await finishedDossier('retained-steps', new Date('2016-02-10T02:00:00Z'), ['receive', 'sign']);
      await ensureHistoryPartitions(h.engine.db, now);
      expect(await historyMonths(h.engine.db)).toContain('2016-02-01');

      const { dropped } = await cleanupHistory(h.engine.db, { now, defaultYears: 10, node: 'node-a' });

      expect(dropped.map((d) => d.month)).toEqual(expect.arrayContaining(['2014-05-01', '2016-02-01']));
      expect(await historyMonths(h.engine.db)).not.toContain('2016-02-01');
      expect(await h.engine.instances.history(old)).toEqual([]);
      const [logged] = await query<{ instances: string; longest_retention_years: number; bytes_freed: string }>(
        `SELECT instances, longest_retention_years, bytes_freed FROM history_cleanup_log WHERE history_month = '2016-02-01'`,
      );
      expect(Number(logged.instances)).toBe(1);
      expect(logged.longest_retention_years).toBe(5);
      expect(Number(logged.bytes_freed)).toBeGreaterThan(0);
    });

    it('given reports over the months that remain, when a month was dropped, then they still read their dossiers’ history', async () => {
      const kept = await finishedDossier('retained-steps', new Date('2027-05-03T02:00:00Z'), ['receive', 'sign']);
      const history = await h.engine.instances.history(kept);
      expect(history.map((a) => a.activityId)).toEqual(['start', 'receive', 'sign', 'end']);
      const [tasks] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM hist_task_instance WHERE outcome = 'completed'`);
      expect(tasks.n).toBeGreaterThan(0);
    });

    it('given a month with a dossier still open, then cleanup keeps it whatever its age', async () => {
      h.clock.current = new Date('2015-07-01T02:00:00Z');
      await h.start('retained-steps');
      await ensureHistoryPartitions(h.engine.db, now);

      const verdict = await monthVerdict(h.engine.db, '2015-07-01', { now, defaultYears: 10 });
      const { dropped } = await cleanupHistory(h.engine.db, { now, defaultYears: 10, node: 'node-a' });

      expect(verdict).toMatchObject({ instances: 1, open: 1, droppable: false });
      expect(dropped).toEqual([]);
      expect(await historyMonths(h.engine.db)).toContain('2015-07-01');
    });

    it('given procedures of different retention sharing a month, then the month stays until the longest retention has passed, and a procedure kept forever keeps it for good', async () => {
      await query(`INSERT INTO procedure_retention (procedure_key, retention_years) VALUES ('archived-forever', 20) ON CONFLICT (procedure_key) DO UPDATE SET retention_years = 20`);
      await finishedDossier('retained-steps', new Date('2013-09-02T02:00:00Z'), ['receive', 'sign']);
      await finishedDossier('archived-forever', new Date('2013-09-20T02:00:00Z'), ['register']);
      await ensureHistoryPartitions(h.engine.db, now);

      const at = (iso: string) => monthVerdict(h.engine.db, '2013-09-01', { now: new Date(iso), defaultYears: 10 });
      // The 5-year procedure expired in 2018, the 20-year one expires in September 2033.
      expect(await at('2027-06-15T00:00:00Z')).toMatchObject({ instances: 2, open: 0, longestRetentionYears: 20, droppable: false });
      expect(await at('2033-09-21T00:00:00Z')).toMatchObject({ droppable: true });

      await query(`UPDATE procedure_retention SET retention_years = NULL WHERE procedure_key = 'archived-forever'`);
      expect(await at('2099-01-01T00:00:00Z')).toMatchObject({ keptForever: true, droppable: false });
    });

    it('given two nodes running cleanup at once, then each month is dropped once and logged once', async () => {
      await query(`UPDATE procedure_retention SET retention_years = 5 WHERE procedure_key = 'retained-steps'`);
      await finishedDossier('retained-steps', new Date('2012-01-05T02:00:00Z'), ['receive', 'sign']);
      // After the month kept forever (2013-09) and the open one (2015-07): still dropped.
      await finishedDossier('retained-steps', new Date('2016-03-05T02:00:00Z'), ['receive', 'sign']);
      await finishedDossier('retained-steps', new Date('2012-02-05T02:00:00Z'), ['receive', 'sign']);
      await ensureHistoryPartitions(h.engine.db, now);
      const later = new Date('2023-01-01T00:00:00Z');

      const runs = await Promise.all([
        cleanupHistory(h.engine.db, { now: later, defaultYears: 10, node: 'node-a' }),
        cleanupHistory(h.engine.db, { now: later, defaultYears: 10, node: 'node-b' }),
      ]);

      const months = runs.flatMap((r) => r.dropped.map((d) => d.month)).sort();
      expect(months).toEqual(['2012-01-01', '2012-02-01', '2016-03-01']);
      const [twice] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT history_month FROM history_cleanup_log GROUP BY 1 HAVING count(*) > 1) d`);
      expect(twice.n).toBe(0);
      // Months that must stay are passed over, not a stop: the open one (2015-07) and the one kept forever (2013-09).
      expect(await historyMonths(h.engine.db)).toEqual(expect.arrayContaining(['2013-09-01', '2015-07-01']));
    });
  });

  it('given an hour has passed, when the job executor polls, then its upkeep sweep creates the coming months', async () => {
    h.clock.current = new Date('2035-08-10T00:00:00Z');
    await h.advance(DAY);
    expect(await historyMonths(h.engine.db)).toEqual(expect.arrayContaining(['2035-08-01', '2035-09-01', '2035-10-01', '2035-11-01']));
  });
});
