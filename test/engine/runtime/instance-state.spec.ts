import { InstanceState, type LoadedInstance } from '../../../apps/engine/src/runtime/instance-state.js';
import type { JobRow, TaskRow } from '../../../apps/engine/src/runtime/rows.js';

/**
 * The unit of work writes exactly the rows a command changed: InstanceState tells inserted,
 * updated and deleted rows apart by comparing with the rows as loaded.
 */
describe('InstanceState changes', () => {
  const at = (iso: string) => new Date(iso);
  const task = (id: string): TaskRow => ({
    id, instanceId: 'i', executionId: 'e', elementId: 'tham_dinh', name: 'Thẩm định', kind: 'user', definitionId: 'd:1', definitionKey: 'd', businessKey: null,
    departmentCode: 'MC', role: null, assignee: null, createdAt: at('2026-11-27T01:00:00Z'), dueAt: at('2026-12-01T10:00:00Z'), activityInstanceId: 'a', revision: 0, suspended: false,
  });
  const job = (id: string): JobRow => ({ id, type: 'timer', instanceId: 'i', executionId: 'e', elementId: 'han', definitionId: 'd:1', dueAt: at('2026-12-01T10:00:00Z'), retries: 3, payload: { lần: 1, danh_sách: ['a'] }, createdAt: at('2026-11-27T01:00:00Z') }) as JobRow;
  const loaded = (): LoadedInstance => ({
    instance: { id: 'i', definitionId: 'd:1', definitionKey: 'd', businessKey: null, state: 'active', parentInstanceId: null, parentExecutionId: null, rootInstanceId: 'i', startedAt: at('2026-11-27T01:00:00Z'), endedAt: null, startedBy: null, revision: 4 },
    executions: [],
    tasks: [task('t1'), task('t2')],
    jobs: [job('j1')],
    subscriptions: [],
    variables: { amount: 1 },
  });

  it('given nothing touched, or dates replaced by equal dates, then nothing is written', () => {
    const state = new InstanceState(loaded());
    state.tasks.get('t1')!.dueAt = at('2026-12-01T10:00:00Z');
    state.instance.startedAt = at('2026-11-27T01:00:00Z');

    const changes = state.changes();

    expect(changes.instance.changed).toBe(false);
    expect(changes.tasks).toEqual({ inserted: [], updated: [], deleted: [] });
    expect(changes.jobs.updated).toEqual([]);
  });

  it('given a field changed, a date moved and a row removed, then each is an update or a delete of that row only', () => {
    const state = new InstanceState(loaded());
    state.tasks.get('t1')!.assignee = 'lan';
    state.jobs.get('j1')!.dueAt = at('2026-12-02T10:00:00Z');
    state.tasks.delete('t2');
    state.tasks.set('t3', task('t3'));
    state.instance.state = 'completed';

    const changes = state.changes();

    expect(changes.tasks.updated.map((t) => [t.id, t.assignee])).toEqual([['t1', 'lan']]);
    expect(changes.tasks.deleted.map((t) => t.id)).toEqual(['t2']);
    expect(changes.tasks.inserted.map((t) => t.id)).toEqual(['t3']);
    expect(changes.jobs.updated.map((j) => j.id)).toEqual(['j1']);
    expect(changes.instance.changed).toBe(true);
  });

  it('given a nested value changed in place (the copy shares it with the loaded row), then the row is an update', () => {
    const state = new InstanceState(loaded());
    (state.jobs.get('j1')!.payload as { danh_sách: string[] }).danh_sách.push('b');

    expect(state.changes().jobs.updated.map((j) => j.id)).toEqual(['j1']);
  });

  it('given a field set to undefined where it was absent, then the row is unchanged, as in its JSON; set to null, it is changed', () => {
    const withoutName = loaded();
    delete (withoutName.tasks[0] as Partial<TaskRow>).name;
    const state = new InstanceState(withoutName);
    (state.tasks.get('t1') as Partial<TaskRow>).name = undefined;
    expect(state.changes().tasks.updated).toEqual([]);

    state.tasks.get('t1')!.name = null;
    expect(state.changes().tasks.updated.map((t) => t.id)).toEqual(['t1']);
  });

  it('given a variable changed in place or removed, then it is upserted or deleted', () => {
    const rows = loaded();
    rows.variables = { list: [1], gone: true };
    const state = new InstanceState(rows);
    (state.variables.get('list') as number[]).push(2);
    state.variables.delete('gone');

    expect(state.changes().variables).toEqual({ upserted: [['list', [1, 2]]], deleted: ['gone'] });
  });
});
