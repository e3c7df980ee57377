import { randomUUID } from 'node:crypto';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { ChangeSet } from '../../../apps/engine/src/persistence/change-set.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/** A command's inserts, updates and deletes written as one statement. */
describe('ChangeSet', () => {
  let testDb: TestDatabase;
  let db: Database;
  const definitionId = 'change-set:1:x';

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new Database(testDb.dataSource);
    const deployment = randomUUID();
    await db.query(`INSERT INTO deployment (id, name) VALUES ($1, 'd')`, [deployment]);
    await db.query(
      `INSERT INTO process_definition (id, key, version, deployment_id, resource_name, bpmn_xml, sha256) VALUES ($1, 'change-set', 1, $2, 'x.bpmn', '<x/>', 'x')`,
      [definitionId, deployment],
    );
  });
  afterAll(() => testDb.close());

  const write = (changes: ChangeSet) =>
    db.transaction(async (sql) => {
      const statement = changes.toStatement();
      if (statement) await sql.execute(statement.text, statement.params);
    });

  const instance = (id = randomUUID()) => ({
    id,
    definitionId,
    definitionKey: 'change-set',
    businessKey: null,
    state: 'active',
    parentInstanceId: null,
    parentExecutionId: null,
    rootInstanceId: id,
    startedAt: new Date('2027-03-01T02:00:00Z'),
    endedAt: null,
    startedBy: 'tester',
    revision: 0,
  });
  const execution = (instanceId: string, activityId: string) => ({
    id: randomUUID(),
    instanceId,
    parentId: null,
    activityId,
    state: 'waiting',
    incomingFlowId: null,
    activityInstanceId: randomUUID(),
    createdAt: new Date('2027-03-01T02:00:00Z'),
  });

  it('given nothing changed, then there is no statement to send', () => {
    expect(new ChangeSet().insert('task', []).update('task', []).delete('task', []).toStatement()).toBeUndefined();
  });

  it('given a new instance and its executions, when written in one statement, then the children pass their foreign key to the parent written beside them', async () => {
    const i = instance();
    const e = execution(i.id, 'receive');
    await write(new ChangeSet().insert('process_instance', [i]).insert('execution', [e]));
    const [row] = await db.query<{ activity_id: string; instance_id: string; created_at: Date }>(`SELECT * FROM execution WHERE id = $1`, [e.id]);
    expect(row).toMatchObject({ activity_id: 'receive', instance_id: i.id });
    expect(row.created_at.toISOString()).toBe('2027-03-01T02:00:00.000Z');
  });

  it('given patches with different columns, then each row gets exactly its own columns and nothing else changes', async () => {
    const i = instance();
    const [a, b] = [execution(i.id, 'a'), execution(i.id, 'b')];
    await write(new ChangeSet().insert('process_instance', [i]).insert('execution', [a, b]));
    await write(
      new ChangeSet()
        .update('execution', [{ id: a.id, activityId: 'a2' }, { id: b.id, state: 'active', incomingFlowId: 'f9' }])
        .update('process_instance', [{ id: i.id, state: 'completed', endedAt: new Date('2027-03-02T00:00:00Z') }]),
    );
    const rows = await db.query<{ id: string; activity_id: string; state: string; incoming_flow_id: string | null }>(
      `SELECT id, activity_id, state, incoming_flow_id FROM execution WHERE instance_id = $1`,
      [i.id],
    );
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ activity_id: 'a2', state: 'waiting', incoming_flow_id: null });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ activity_id: 'b', state: 'active', incoming_flow_id: 'f9' });
    const [p] = await db.query<{ state: string; started_by: string }>(`SELECT state, started_by FROM process_instance WHERE id = $1`, [i.id]);
    expect(p).toEqual({ state: 'completed', started_by: 'tester' });
  });

  it('given variables, then values keep their JSON type (null, text, number, object) and a second write replaces them', async () => {
    const i = instance();
    await write(new ChangeSet().insert('process_instance', [i]).upsertVariables(i.id, [['none', null], ['name', 'Nguyễn Văn A'], ['days', 15], ['fee', { amount: 50000 }]]));
    await write(new ChangeSet().upsertVariables(i.id, [['days', 10]]).deleteVariables(i.id, ['fee']));
    const rows = await db.query<{ name: string; value: unknown; kind: string }>(`SELECT name, value, jsonb_typeof(value) AS kind FROM variable WHERE instance_id = $1 ORDER BY name`, [i.id]);
    expect(rows).toEqual([
      { name: 'days', value: 10, kind: 'number' },
      { name: 'name', value: 'Nguyễn Văn A', kind: 'string' },
      { name: 'none', value: null, kind: 'null' },
    ]);
  });

  it('given one row or several, then jsonb columns keep their JSON type either way (a single row travels as typed parameters)', async () => {
    const i = instance();
    const update = (name: string, value: unknown) => ({ historyMonth: '2027-03-01', instanceId: i.id, name, value, at: new Date('2027-03-01T02:00:00Z'), byUser: 'tester', activityId: null });
    await write(new ChangeSet().insert('process_instance', [i]).insert('hist_variable_update', [update('alone', ['giấy phép', 2])]));
    await write(new ChangeSet().insert('hist_variable_update', [update('first', 'Nguyễn Văn A'), update('second', { amount: 50000 })]));
    await write(new ChangeSet().insert('hist_variable_update', [update('text', 'một chuỗi')]));
    const rows = await db.query<{ name: string; value: unknown; kind: string }>(`SELECT name, value, jsonb_typeof(value) AS kind FROM hist_variable_update WHERE instance_id = $1 ORDER BY seq`, [i.id]);
    expect(rows).toEqual([
      { name: 'alone', value: ['giấy phép', 2], kind: 'array' },
      { name: 'first', value: 'Nguyễn Văn A', kind: 'string' },
      { name: 'second', value: { amount: 50000 }, kind: 'object' },
      { name: 'text', value: 'một chuỗi', kind: 'string' },
    ]);
  });

  it('given deletes, then only the named rows go', async () => {
    const i = instance();
    const [a, b] = [execution(i.id, 'a'), execution(i.id, 'b')];
    await write(new ChangeSet().insert('process_instance', [i]).insert('execution', [a, b]));
    await write(new ChangeSet().delete('execution', [a.id]));
    expect(await db.query(`SELECT id FROM execution WHERE instance_id = $1`, [i.id])).toEqual([{ id: b.id }]);
  });

  it('given one failing part, then no part of the statement is written', async () => {
    const i = instance();
    const orphan = execution(randomUUID(), 'orphan');
    await expect(write(new ChangeSet().insert('process_instance', [i]).insert('execution', [orphan]))).rejects.toMatchObject({ code: '23503' });
    expect(await db.query(`SELECT id FROM process_instance WHERE id = $1`, [i.id])).toEqual([]);
  });
});
