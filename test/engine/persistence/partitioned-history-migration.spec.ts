import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/**
 * Migration 1764200025000 on a database that already has history in the old layout: a user task
 * in two rows (hist_activity_instance + hist_task_instance), unpartitioned tables.
 */
describe('migration PartitionedHistory1764200025000', () => {
  let db: TestDatabase;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db.dataSource.query(text, params) as Promise<T[]>;
  const instance = '11111111-1111-4111-8111-111111111111';
  const activity = '22222222-2222-4222-8222-222222222222';
  const task = '33333333-3333-4333-8333-333333333333';
  const handWritten = '44444444-4444-4444-8444-444444444444';

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('given history in the old two-row layout, when the migration runs, then each task is one row with its task fields, in its instance’s month partition, and the old name reads it back', async () => {
    // back to the layout before it: the migrations after it first, then itself
    while ((await q<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id DESC LIMIT 1`))[0].name !== 'PartitionedHistory1764200025000') {
      await db.dataSource.undoLastMigration({ transaction: 'all' });
    }
    await db.dataSource.undoLastMigration({ transaction: 'all' });
    const [old] = await q<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'hist_task_instance'`);
    expect(old.relkind).toBe('r');
    await q(`INSERT INTO deployment (id, name) VALUES ('55555555-5555-4555-8555-555555555555', 'spec')`);
    await q(
      `INSERT INTO process_definition (id, key, version, deployment_id, resource_name, bpmn_xml, sha256)
       VALUES ('def', 'thu-tuc', 1, '55555555-5555-4555-8555-555555555555', 'thu-tuc.bpmn', '<definitions/>', 'x')`,
    );
    await q(
      `INSERT INTO process_instance (id, definition_id, definition_key, state, root_instance_id, started_at, ended_at)
       VALUES ($1, 'def', 'thu-tuc', 'completed', $1, '2026-01-31T20:00:00Z', '2026-02-10T03:00:00Z')`,
      [instance],
    );
    await q(
      `INSERT INTO hist_activity_instance (id, instance_id, execution_id, definition_id, activity_id, activity_name, activity_type, started_at, ended_at, state, task_id, assignee, department_code, due_at)
       VALUES ($1, $2, $2, 'def', 'tham-dinh', 'Thẩm định', 'userTask', '2026-02-02T02:00:00Z', '2026-02-05T02:00:00Z', 'completed', $3, NULL, 'SXD', '2026-02-06T10:00:00Z')`,
      [activity, instance, task],
    );
    await q(
      `INSERT INTO hist_task_instance (id, instance_id, element_id, name, department_code, assignee, created_at, due_at, ended_at, outcome, ended_by, allowance_days, counted, waited_ms, opinion)
       VALUES ($1, $2, 'tham-dinh', 'Thẩm định', 'SXD', 'chuyenvien', '2026-02-02T02:00:00Z', '2026-02-06T10:00:00Z', '2026-02-05T02:00:00Z', 'completed', 'chuyenvien', 3, true, 3600000, 'Đủ điều kiện'),
              ($3, $2, 'ky-duyet', 'Ký duyệt', 'SXD', NULL, '2026-02-05T02:00:00Z', NULL, '2026-02-10T03:00:00Z', 'completed', 'lanhdao', 1, true, 0, NULL)`,
      [task, instance, handWritten],
    );
    await q(`INSERT INTO hist_variable_update (instance_id, name, value, at) VALUES ($1, 'fee', '50000', '2026-02-01T01:00:00Z')`, [instance]);

    await db.dataSource.runMigrations({ transaction: 'all' });

    const rows = await q<{ id: string; task_id: string; partition: string; assignee: string; outcome: string; ended_by: string; waited_ms: string; opinion: string | null; allowance_days: string }>(
      `SELECT id, task_id, tableoid::regclass::text AS partition, assignee, outcome, ended_by, waited_ms, opinion, allowance_days
       FROM hist_activity_instance WHERE instance_id = $1 ORDER BY started_at`,
      [instance],
    );
    // Started 31 January 20:00 UTC: January's partition, for every row, even those of February.
    expect(rows).toEqual([
      { id: activity, task_id: task, partition: 'hist_activity_instance_y2026m01', assignee: 'chuyenvien', outcome: 'completed', ended_by: 'chuyenvien', waited_ms: '3600000', opinion: 'Đủ điều kiện', allowance_days: '3' },
      { id: handWritten, task_id: handWritten, partition: 'hist_activity_instance_y2026m01', assignee: null, outcome: 'completed', ended_by: 'lanhdao', waited_ms: '0', opinion: null, allowance_days: '1' },
    ] as unknown[]);
    const viewed = await q<{ id: string; element_id: string; created_at: Date }>(`SELECT id, element_id, created_at FROM hist_task_instance WHERE instance_id = $1 ORDER BY created_at`, [instance]);
    expect(viewed.map((v) => [v.id, v.element_id])).toEqual([
      [task, 'tham-dinh'],
      [handWritten, 'ky-duyet'],
    ]);
    const [variable] = await q<{ partition: string; value: unknown }>(`SELECT tableoid::regclass::text AS partition, value FROM hist_variable_update WHERE instance_id = $1`, [instance]);
    expect(variable).toEqual({ partition: 'hist_variable_update_y2026m01', value: 50000 });
    // The sequences go on where the old tables left them.
    const [next] = await q<{ seq: string }>(
      `INSERT INTO hist_variable_update (history_month, instance_id, name, value, at) VALUES ('2026-01-01', $1, 'x', '1', now()) RETURNING seq`,
      [instance],
    );
    expect(Number(next.seq)).toBeGreaterThan(1);
  });
});
