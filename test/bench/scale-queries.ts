import { createHash } from 'node:crypto';
import { DossierQueries } from '../../apps/engine/src/queries/dossiers/dossier-queries.js';
import type { Engine } from '../../apps/engine/src/engine.js';
import { ii06aReport } from '../../apps/engine/src/queries/reports/ii06a.js';
import { parsePeriod } from '../../apps/engine/src/reports/period.js';
import { periodDossiersSql } from '../../apps/engine/src/queries/reports/period-dossiers-sql.js';

/**
 * The read side at a province's scale: 1,000,000 dossiers of history (with two steps each in
 * history) and 100,000 open tasks, generated with set-based SQL (not through the API), then the
 * three queries users wait for, each timed (best of 5) with its plan.
 */
export async function scaleQueries(engine: Engine, dossiers: number, openTasks: number) {
  const db = engine.db;
  const [def] = await db.query<{ id: string }>(`SELECT id FROM process_definition WHERE key = 'linear-7' LIMIT 1`);
  const t0 = performance.now();
  // Received over 3 years; 95% finished within ~14 days; due 10 working days (≈14 calendar days) later.
  await db.query(`
    INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at, ended_at)
    SELECT md5('pi' || g)::uuid, $1, 'linear-7', 'SC-' || g, CASE WHEN g % 20 = 0 THEN 'active' ELSE 'completed' END, md5('pi' || g)::uuid,
           timestamp '2024-01-01' + (g * interval '94 seconds'), CASE WHEN g % 20 = 0 THEN NULL ELSE timestamp '2024-01-01' + (g * interval '94 seconds') + ((g % 19) * interval '1 day') END
    FROM generate_series(1, $2::int) g`, [def.id, dossiers]);
  await db.query(`
    INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, field, agency_code, applicant_name, applicant_phone,
                         channel, received_at, clock_started_at, statutory_days, legal_due_at, due_at, status, finished_at, returned_at, form_version)
    SELECT 'SC-' || g, md5('pi' || g)::uuid, $1, 'linear-7', '1.00' || (g % 40), 'Thủ tục ' || (g % 40), 'Lĩnh vực ' || (g % 12), 'AG' || (g % 25), 'Người nộp ' || g, '09' || lpad((g % 100000000)::text, 8, '0'),
           (ARRAY['direct','online','postal'])[1 + g % 3],
           timestamp '2024-01-01' + (g * interval '94 seconds'), timestamp '2024-01-01' + (g * interval '94 seconds'), 10,
           timestamp '2024-01-01' + (g * interval '94 seconds') + interval '14 days', timestamp '2024-01-01' + (g * interval '94 seconds') + interval '14 days',
           CASE WHEN g % 20 = 0 THEN 4 ELSE 10 END,
           CASE WHEN g % 20 = 0 THEN NULL ELSE timestamp '2024-01-01' + (g * interval '94 seconds') + ((g % 19) * interval '1 day') END,
           CASE WHEN g % 20 = 0 THEN NULL ELSE timestamp '2024-01-01' + (g * interval '94 seconds') + ((g % 19) * interval '1 day') END,
           'TT03/2025'
    FROM generate_series(1, $2::int) g`, [def.id, dossiers]);
  await db.query(`
    INSERT INTO hist_task_instance (id, instance_id, element_id, name, department_code, role, assignee, created_at, due_at, ended_at, outcome, ended_by, allowance_days, counted)
    SELECT md5('h' || g || '-' || s)::uuid, md5('pi' || g)::uuid, 'step' || s, 'Bước ' || s, 'DEPT' || (g % 20), NULL, 'officer' || (g % 50),
           timestamp '2024-01-01' + (g * interval '94 seconds') + ((s - 1) * interval '2 days'), timestamp '2024-01-01' + (g * interval '94 seconds') + (s * interval '2 days'),
           timestamp '2024-01-01' + (g * interval '94 seconds') + (s * interval '2 days') - interval '3 hours', 'completed', 'officer' || (g % 50), 1, true
    FROM generate_series(1, $1::int) g, generate_series(1, 2) s`, [dossiers]);
  await db.query(`
    INSERT INTO task (id, instance_id, execution_id, element_id, name, kind, definition_id, definition_key, business_key, department_code, role, assignee, created_at, due_at, activity_instance_id)
    SELECT md5('t' || g)::uuid, md5('pi' || ((g * 20) % ($2::int - 20) + 20))::uuid, md5('e' || g)::uuid, 'step3', 'Bước 3', 'user', $1, 'linear-7', 'SC-' || g, 'DEPT' || (g % 20), NULL,
           CASE WHEN g % 3 = 0 THEN 'officer' || (g % 50) END, now() - interval '20 days' + (g % 1000) * interval '1 hour', now() - interval '10 days' + (g % 1000) * interval '1 hour', md5('a' || g)::uuid
    FROM generate_series(1, $3::int) g`, [def.id, dossiers, openTasks]);
  await db.query(`ANALYZE`);
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
  const now = new Date();
  const overdueMs = await time(() => engine.tasks.list({ scope: { departmentCode: 'DEPT7' }, overdue: true, now, limit: 50 }));
  const overduePlan = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT t.id FROM task t WHERE t.department_code = $1 AND t.due_at < $2 ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC, t.id LIMIT 50`,
    ['DEPT7', now],
  );
  const period = parsePeriod({ period: '2025-Q3' });
  const reportMs = await time(() => db.transaction((sql) => ii06aReport(sql, period, 'department')));
  // The report's one read of the dossier table: the dossiers alive in the period.
  const reportPlan = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN WITH ${periodDossiersSql('agency_code')} SELECT grp, count(*) FROM classified GROUP BY grp`,
    [period.startsAt, period.endsBefore],
  );
  const queries = new DossierQueries(db, engine.services.calendar);
  const sheetMs = await time(() => queries.controlSheet(md5Uuid('pi123457')));
  const sheetPlan = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT h.* FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id WHERE p.root_instance_id = $1 ORDER BY h.created_at, h.id`,
    [md5Uuid('pi123457')],
  );
  const plan = (rows: { 'QUERY PLAN': string }[]) => rows.map((r) => r['QUERY PLAN']).join('\n');
  return { generatedMs, overdueMs, reportMs, sheetMs, overduePlan: plan(overduePlan), reportPlan: plan(reportPlan), sheetPlan: plan(sheetPlan) };
}

/** md5(text)::uuid, as the generator wrote the ids. */
function md5Uuid(text: string): string {
  // node:crypto in a bench is fine; the engine never needs this.
  const hash = createHash('md5').update(text).digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20)}`;
}
