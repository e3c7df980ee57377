import { CONTROL_SHEET_SQL, DOSSIER_INSTANCES_SQL, DossierQueries } from '../../apps/engine/src/queries/dossiers/dossier-queries.js';
import type { Engine } from '../../apps/engine/src/engine.js';
import { cleanupHistory, MONTH_VERDICT_SQL } from '../../apps/engine/src/persistence/history/history-cleanup.js';
import { addMonths } from '../../apps/engine/src/persistence/history/history-partitions.js';
import { ii06aReport, ii06aSql } from '../../apps/engine/src/queries/reports/ii06a.js';
import { parsePeriod } from '../../apps/engine/src/reports/period.js';
import { historyMonthOf } from '../../apps/engine/src/runtime/rows.js';

/**
 * The read side and the history's disk at a province's scale (issue #22): N finished dossiers
 * received over 36 months (10 history rows each: 6 activity rows — start, 4 steps, end — and 4
 * variable updates) plus open dossiers whose tasks fill the inboxes, all generated with
 * set-based SQL (generate_series, one statement per table and month; never a row at a time).
 * Then the queries users wait for, timed (best of 5) with their plans, a month's cleanup, and
 * the disk a finished dossier's history takes.
 */
export interface ScaleOptions {
  dossiers: number;
  openTasks: number;
  /** Prints progress while generating (a 10-million run takes a while). */
  log?: (message: string) => void;
}

/** `--dossiers N` (default 10,000,000; `--quick`: 100,000) and `--open-tasks N` (100,000; quick: 10,000). */
export function scaleOptions(args: string[], quick: boolean): ScaleOptions {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1].replace(/_/g, '')) : fallback;
  };
  return { dossiers: opt('dossiers', quick ? 100_000 : 10_000_000), openTasks: opt('open-tasks', quick ? 10_000 : 100_000), log: (m) => console.log(`    ${m}`) };
}

export interface ScaleResult {
  dossiers: number;
  historyRows: number;
  openTasks: number;
  generatedMs: number;
  inboxMs: number;
  overdueMs: number;
  reportMs: number;
  reportQuarter: string;
  sheetMs: number;
  cleanupMs: number;
  cleanedMonth: string | null;
  cleanedBytes: number;
  reportAfterCleanupMs: number;
  sheetAfterCleanupMs: number;
  bytesPerDossier: number;
  historyBytes: number;
  plans: Record<string, string>;
}

const MONTHS = 36;
const STEPS = 4;

export async function scaleQueries(engine: Engine, options: ScaleOptions): Promise<ScaleResult> {
  const db = engine.db;
  const { dossiers, openTasks } = options;
  const [def] = await db.query<{ id: string }>(`SELECT id FROM process_definition WHERE key = 'linear-7' LIMIT 1`);
  // Received over the 36 months that ended two months ago: every dossier has finished by now.
  const thisMonth = historyMonthOf(new Date());
  const firstMonth = addMonths(thisMonth, -(MONTHS + 2));
  const t0 = performance.now();
  for (let k = 0; k <= MONTHS + 6; k++) {
    for (const table of ['hist_activity_instance', 'hist_variable_update']) {
      await db.query(`SELECT od_ensure_history_partition($1, $2::date)`, [table, addMonths(firstMonth, k)]);
    }
  }
  // Dossier g (1…N) is received at first + g·step: one chunk of g per month of receipts.
  const spanSeconds = (Date.parse(`${addMonths(firstMonth, MONTHS)}T00:00:00Z`) - Date.parse(`${firstMonth}T00:00:00Z`)) / 1000;
  const step = spanSeconds / dossiers;
  const base = `${firstMonth}T00:00:00Z`;
  // r: received; each step takes 1 to 3 days, the dossier ends 1 hour after its last step.
  const receivedAt = `($3::timestamptz + (g * $4::float8) * interval '1 second')`;
  for (let month = 0; month < MONTHS; month++) {
    const lo = Math.floor((month * dossiers) / MONTHS) + 1;
    const hi = Math.floor(((month + 1) * dossiers) / MONTHS);
    if (hi < lo) continue;
    const params = [lo, hi, base, step, def.id];
    await db.query(
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at, ended_at, revision)
       SELECT ${id('0', 'g')}, $5, 'linear-7', 'SC-' || g, 'completed', ${id('0', 'g')}, ${receivedAt},
              ${receivedAt} + (${STEPS} * (1 + g % 3)) * interval '1 day' + interval '1 hour', 1
       FROM generate_series($1::int, $2::int) g`,
      params,
    );
    await db.query(
      `INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, field, agency_code, applicant_name, applicant_phone,
                            channel, received_at, clock_started_at, statutory_days, legal_due_at, due_at, status, finished_at, returned_at, form_version)
       SELECT 'SC-' || g, ${id('0', 'g')}, $5, 'linear-7', '1.00' || (g % 40), 'Thủ tục ' || (g % 40), 'Lĩnh vực ' || (g % 12), 'AG' || (g % 25),
              'Người nộp ' || g, '09' || lpad((g % 100000000)::text, 8, '0'), (ARRAY['direct','online','postal'])[1 + g % 3],
              ${receivedAt}, ${receivedAt}, 10, ${receivedAt} + interval '14 days', ${receivedAt} + interval '14 days', 10,
              ${receivedAt} + (${STEPS} * (1 + g % 3)) * interval '1 day' + interval '1 hour',
              ${receivedAt} + (${STEPS} * (1 + g % 3)) * interval '1 day' + interval '1 hour', 'TT03/2025'
       FROM generate_series($1::int, $2::int) g`,
      params,
    );
    // s = 0: start event, 1…4: user tasks (task fields on the same row), 5: end event.
    await db.query(
      `INSERT INTO hist_activity_instance (id, history_month, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type,
                                           started_at, ended_at, state, task_id, assignee, department_code, role, due_at,
                                           outcome, ended_by, allowance_days, counted)
       SELECT ${id('1', 'g * 8 + s')}, od_history_month(r), ${id('0', 'g')}, ${id('0', 'g')}, $5,
              CASE s WHEN 0 THEN 'start' WHEN 5 THEN 'end' ELSE 'step' || s END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 'Bước ' || s END,
              CASE s WHEN 0 THEN 'startEvent' WHEN 5 THEN 'endEvent' ELSE 'userTask' END,
              r + greatest(s - 1, 0) * d, r + least(s, 4) * d + CASE WHEN s = 5 THEN interval '1 hour' ELSE interval '0' END, 'completed',
              CASE WHEN s BETWEEN 1 AND 4 THEN ${id('2', 'g * 8 + s')} END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 'officer' || (g % 50) END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 'DEPT' || ((g + s) % 20) END, NULL,
              CASE WHEN s BETWEEN 1 AND 4 THEN r + s * interval '2 days' END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 'completed' END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 'officer' || (g % 50) END,
              CASE WHEN s BETWEEN 1 AND 4 THEN 2 END,
              CASE WHEN s BETWEEN 1 AND 4 THEN true END
       FROM (SELECT g, ${receivedAt} AS r, (1 + g % 3) * interval '1 day' AS d FROM generate_series($1::int, $2::int) g) x, generate_series(0, 5) s`,
      params,
    );
    await db.query(
      `INSERT INTO hist_variable_update (history_month, instance_id, name, value, at, by_user, activity_id)
       SELECT od_history_month(r), ${id('0', 'g')}, (ARRAY['applicant', 'documents', 'fee', 'decision'])[v],
              CASE v WHEN 1 THEN jsonb_build_object('name', 'Người nộp ' || g) WHEN 2 THEN '["Đơn đề nghị", "Bản sao CCCD"]'::jsonb
                     WHEN 3 THEN to_jsonb(50000) ELSE to_jsonb('approved'::text) END,
              r + (v - 1) * interval '1 day', 'officer' || (g % 50), 'step' || v
       FROM (SELECT g, ${receivedAt} AS r FROM generate_series($1::int, $2::int) g) x, generate_series(1, 4) v`,
      params.slice(0, 4),
    );
    if (month % 6 === 5) options.log?.(`generated ${hi.toLocaleString('en-US')} of ${dossiers.toLocaleString('en-US')} dossiers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // Open dossiers received this month, each waiting at one step: the inboxes (runtime task table).
  await db.query(
    `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at)
     SELECT ${id('3', 'g')}, $1, 'linear-7', 'OPEN-' || g, 'active', ${id('3', 'g')}, now() - (g % 600) * interval '1 hour'
     FROM generate_series(1, $2::int) g`,
    [def.id, openTasks],
  );
  await db.query(
    `INSERT INTO hist_activity_instance (id, history_month, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type, started_at, state,
                                         task_id, assignee, department_code, due_at, allowance_days, counted)
     SELECT ${id('4', 'g')}, od_history_month(p.started_at), p.id, p.id, $1, 'step3', 'Bước 3', 'userTask', p.started_at, 'active',
            ${id('5', 'g')}, CASE WHEN g % 3 = 0 THEN 'officer' || (g % 50) END, 'DEPT' || (g % 20), p.started_at + interval '6 days', 2, true
     FROM generate_series(1, $2::int) g JOIN process_instance p ON p.id = ${id('3', 'g')}`,
    [def.id, openTasks],
  );
  await db.query(
    `INSERT INTO task (id, instance_id, execution_id, element_id, name, kind, definition_id, definition_key, business_key, department_code, role, assignee, created_at, due_at, activity_instance_id)
     SELECT ${id('5', 'g')}, ${id('3', 'g')}, ${id('3', 'g')}, 'step3', 'Bước 3', 'user', $1, 'linear-7', 'OPEN-' || g, 'DEPT' || (g % 20), NULL,
            CASE WHEN g % 3 = 0 THEN 'officer' || (g % 50) END, now() - (g % 600) * interval '1 hour', now() - (g % 600) * interval '1 hour' + interval '6 days', ${id('4', 'g')}
     FROM generate_series(1, $2::int) g`,
    [def.id, openTasks],
  );
  // VACUUM as well as ANALYZE: the tables as autovacuum leaves them in production (visibility
  // map set), and no autovacuum of 100 million fresh rows running under the timings below.
  await db.dataSource.query(`VACUUM (ANALYZE) process_instance, dossier, task, hist_activity_instance, hist_variable_update`);
  const generatedMs = performance.now() - t0;

  const time = async (run: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await run();
      samples.push(performance.now() - s);
    }
    return Math.min(...samples);
  };
  const plan = async (text: string, params: unknown[], analyze = false) =>
    (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${analyze ? 'ANALYZE, TIMING OFF, ' : ''}COSTS OFF) ${text}`, params)).map((r) => r['QUERY PLAN']).join('\n');
  const plans: Record<string, string> = {};
  const now = new Date();

  // An officer's inbox: the tasks of the department (officer7 sits in DEPT7), first page.
  const inboxMs = await time(() => engine.tasks.list({ scope: { departmentCode: 'DEPT7' }, now, limit: 50 }));
  const overdueMs = await time(() => engine.tasks.list({ scope: { departmentCode: 'DEPT7' }, overdue: true, now, limit: 50 }));
  plans['inbox (overdue tasks of one department)'] = await plan(
    `SELECT t.id FROM task t WHERE t.department_code = $1 AND t.due_at < $2 ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id LIMIT 50`,
    ['DEPT7', now],
    true,
  );

  // II.06a for the quarter in the middle of the 36 months.
  const middle = new Date(`${addMonths(firstMonth, MONTHS / 2)}T00:00:00Z`);
  const reportQuarter = `${middle.getUTCFullYear()}-Q${Math.floor(middle.getUTCMonth() / 3) + 1}`;
  const period = parsePeriod({ period: reportQuarter });
  const reportMs = await time(() => db.transaction((sql) => ii06aReport(sql, period, 'department')));
  plans[`II.06a ${reportQuarter} (counts of the dossiers finished in the quarter + the dossiers open at its end)`] = await plan(
    ii06aSql('department'),
    [period.startsAt, period.endsBefore, period.endsBefore],
    true,
  );

  // A control sheet of a dossier in the last month (it survives the cleanup below).
  const queries = new DossierQueries(db, engine.services.calendar);
  const sheetDossier = idOf('0', dossiers - 7);
  const sheetMs = await time(() => queries.controlSheet(sheetDossier));
  const [keys] = await db.query<{ ids: string[]; months: string[] }>(DOSSIER_INSTANCES_SQL, [sheetDossier]);
  plans['control sheet (the dossier’s month partition only: plan-time pruning on history_month)'] = await plan(CONTROL_SHEET_SQL, [keys.ids, keys.months], true);

  // Disk: every partition of the generated months, over the dossiers in them.
  const months = Array.from({ length: MONTHS }, (_, k) => addMonths(firstMonth, k));
  const [disk] = await db.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(to_regclass(t || '_y' || to_char(m::date, 'YYYY"m"MM'))))::bigint AS bytes
     FROM unnest($1::text[]) m, unnest(ARRAY['hist_activity_instance', 'hist_variable_update']) t`,
    [months],
  );
  const historyBytes = Number(disk.bytes);

  // Cleanup of the first month: linear-7 kept 2 years; "now" two years and two months after
  // that month began, when its dossiers' retention has passed and the next month's not yet.
  await db.query(
    `INSERT INTO procedure_retention (procedure_key, retention_years, legal_basis) VALUES ('linear-7', 2, 'bench')
     ON CONFLICT (procedure_key) DO UPDATE SET retention_years = 2`,
  );
  const cleanupNow = new Date(`${addMonths(firstMonth, 26)}T00:00:00Z`);
  const c0 = performance.now();
  const cleanup = await cleanupHistory(db, { now: cleanupNow, defaultYears: 10, node: 'bench' });
  const cleanupMs = performance.now() - c0;
  const cleaned = cleanup.dropped[0];
  plans[`cleanup verdict of the month kept (${addMonths(firstMonth, 1).slice(0, 7)}: its dossiers' retention not passed yet)`] = await plan(
    MONTH_VERDICT_SQL,
    [addMonths(firstMonth, 1), 10],
    true,
  );
  const reportAfterCleanupMs = await time(() => db.transaction((sql) => ii06aReport(sql, period, 'department')));
  const sheetAfterCleanupMs = await time(() => queries.controlSheet(sheetDossier));

  return {
    dossiers,
    historyRows: dossiers * (6 + 4),
    openTasks,
    generatedMs,
    inboxMs,
    overdueMs,
    reportMs,
    reportQuarter,
    sheetMs,
    cleanupMs,
    cleanedMonth: cleaned?.month ?? null,
    cleanedBytes: cleaned?.bytesFreed ?? 0,
    reportAfterCleanupMs,
    sheetAfterCleanupMs,
    bytesPerDossier: historyBytes / dossiers,
    historyBytes,
    plans,
  };
}

/** The figures as `npm run bench` prints them, each with its target. */
export function printScale(scale: ScaleResult, line: (what: string, value: string, target?: string) => void): void {
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  line(
    `generated ${fmt(scale.dossiers)} finished dossiers (${fmt(scale.historyRows)} history rows, monthly partitions) + ${fmt(scale.openTasks)} open tasks (set-based SQL)`,
    `${fmt(scale.generatedMs / 1000, 1)} s`,
  );
  line('an officer’s inbox (first page of the department’s tasks)', `${fmt(scale.inboxMs, 1)} ms; overdue only ${fmt(scale.overdueMs, 1)} ms`, 'target < 50 ms');
  line(`II.06a for a quarter (${scale.reportQuarter})`, `${fmt(scale.reportMs, 0)} ms`, 'target < 1 s');
  line('a dossier’s control sheet', `${fmt(scale.sheetMs, 1)} ms`, 'target < 10 ms');
  line(
    `cleanup of a month (${scale.cleanedMonth?.slice(0, 7) ?? 'none dropped!'}: verdict + DROP of its partitions)`,
    `${fmt(scale.cleanupMs, 0)} ms, ${fmt(scale.cleanedBytes / 1048576, 1)} MiB freed; after it II.06a ${fmt(scale.reportAfterCleanupMs, 0)} ms, control sheet ${fmt(scale.sheetAfterCleanupMs, 1)} ms`,
    'target < 5 s',
  );
  line('disk per finished dossier (history partitions, tables + indexes)', `${fmt(scale.bytesPerDossier, 0)} bytes (${fmt(scale.historyBytes / 1073741824, 2)} GiB in all)`);
  for (const [what, text] of Object.entries(scale.plans)) console.log(`\nplan, ${what}:\n${text}`);
  console.log('');
}

/**
 * The generated rows' ids: a kind digit, then the number in hex — ascending as generated, so
 * every primary key and index is filled at its right edge (random uuids made the generator
 * three times slower: each insert touched a random index page).
 */
function id(kind: string, numberExpression: string): string {
  return `('0000000${kind}-0000-4000-8000-' || lpad(to_hex(${numberExpression}), 12, '0'))::uuid`;
}

function idOf(kind: string, n: number): string {
  return `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
