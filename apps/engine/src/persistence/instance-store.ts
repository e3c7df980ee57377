import type { HistoryBuffer, InstanceState, LoadedInstance } from '../runtime/instance-state.js';
import type { InstanceLoader } from '../runtime/ports.js';
import type { ExecutionRow, JobRow, ProcessInstanceRow, SubscriptionRow, TaskRow } from '../runtime/rows.js';
import type { Sql } from './database.js';
import { ChangeSet } from './change-set.js';
import type { InstanceCache } from './instance-cache.js';
import { camelize } from './row-names.js';

/** SQLSTATE of od_stale_instance: the instance moved on since this node cached it. */
export const STALE_INSTANCE = 'OD001';

export const isStaleInstance = (error: unknown): boolean => (error as { code?: string } | null)?.code === STALE_INSTANCE;

/**
 * Loads an instance's runtime rows under a row lock on the instance (pessimistic: contention on
 * one dossier is rare, and a lock makes concurrent commands queue instead of corrupting state),
 * and writes back exactly what the runtime changed. Taking the lock moves the instance's
 * revision on, so every command that could change an instance leaves a mark other nodes' caches
 * can check (instance-cache.ts). With a cache, an instance this node holds is not read at all:
 * its lock, guarded by the cached revision, goes out with the writes.
 */
export class InstanceStore implements InstanceLoader {
  /** Instances this command took from the cache (dropped there if the guard fails). */
  readonly fromCache = new Set<string>();
  private readonly touched = new Set<string>();

  constructor(
    private readonly sql: Sql,
    private readonly cache?: InstanceCache,
  ) {}

  async lockAndLoad(instanceId: string): Promise<LoadedInstance | undefined> {
    return this.fromCacheLocked(this.cache?.take(instanceId)) ?? this.lockThenLoad(`UPDATE process_instance SET revision = revision + 1 WHERE id = $1 RETURNING *`, `$1::uuid`, instanceId);
  }

  /** The instance a task belongs to (open or not: its history row keeps the instance id). */
  async lockAndLoadByTask(taskId: string): Promise<LoadedInstance | undefined> {
    return (
      this.fromCacheLocked(this.cache?.takeByTask(taskId)) ??
      this.lockThenLoad(
        `UPDATE process_instance SET revision = revision + 1 WHERE id = ${INSTANCE_OF_TASK} RETURNING *`,
        INSTANCE_OF_TASK,
        taskId,
      )
    );
  }

  /**
   * Writes to an instance's runtime rows made outside the runtime (a listener's deadline job, a
   * failed job's retry count) move its revision on too, so no cache anywhere keeps the old rows.
   */
  async touch(instanceId: string): Promise<void> {
    if (this.touched.has(instanceId)) return;
    this.touched.add(instanceId);
    await this.sql.execute(`UPDATE process_instance SET revision = revision + 1 WHERE id = $1`, [instanceId]);
    this.sql.afterCommit(() => this.cache?.forget(instanceId));
  }

  /** Queues the guarded lock (sent with the next statement) and hands out the cached rows. */
  private fromCacheLocked(cached: LoadedInstance | undefined): LoadedInstance | undefined {
    if (!cached) return undefined;
    const { id, revision } = cached.instance;
    this.fromCache.add(id);
    void this.sql.execute(GUARDED_LOCK, [id, revision]);
    cached.instance.revision = revision + 1;
    return cached;
  }

  /**
   * Locks the instance row, then reads its runtime rows — two statements in one round trip.
   * The read is a statement of its own, so under READ COMMITTED it takes its snapshot after the
   * lock was granted and sees everything the previous holder committed.
   */
  private async lockThenLoad(lockSql: string, instanceExpr: string, key: string): Promise<LoadedInstance | undefined> {
    const [[row], [all]] = await this.sql.queryBatch([
      { text: lockSql, params: [key] },
      {
        text: `WITH i AS (SELECT ${instanceExpr} AS id)
         SELECT
         (SELECT coalesce(json_agg(e), '[]') FROM execution e WHERE e.instance_id = (SELECT id FROM i)) AS executions,
         (SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, instance_id, execution_id, element_id, name, kind, definition_id, definition_key, business_key, department_code, role, assignee, created_at, due_at, activity_instance_id, revision, suspended FROM task WHERE instance_id = (SELECT id FROM i)) t) AS tasks,
         (SELECT coalesce(json_agg(j), '[]') FROM (SELECT id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at FROM job WHERE instance_id = (SELECT id FROM i)) j) AS jobs,
         (SELECT coalesce(json_agg(s), '[]') FROM event_subscription s WHERE s.instance_id = (SELECT id FROM i)) AS subscriptions,
         (SELECT json_object_agg(v.name, v.value) FROM variable v WHERE v.instance_id = (SELECT id FROM i)) AS variables`,
        params: [key],
      },
    ]);
    if (!row) return undefined;
    const loaded = all as { executions: unknown[]; tasks: unknown[]; jobs: unknown[]; subscriptions: unknown[]; variables: Record<string, unknown> | null };
    return {
      instance: camelize<ProcessInstanceRow>(row),
      executions: loaded.executions.map((r) => withDates(camelize<ExecutionRow>(r as Record<string, unknown>), ['createdAt'])),
      tasks: loaded.tasks.map((r) => withDates(camelize<TaskRow>(r as Record<string, unknown>), ['createdAt', 'dueAt'])),
      jobs: loaded.jobs.map((r) => withDates(camelize<JobRow>(r as Record<string, unknown>), ['createdAt', 'dueAt'])),
      subscriptions: loaded.subscriptions.map((r) => withDates(camelize<SubscriptionRow>(r as Record<string, unknown>), ['createdAt'])),
      variables: loaded.variables ?? {},
    };
  }

  async calledInstanceOf(executionId: string): Promise<string | undefined> {
    const [row] = await this.sql.query<{ id: string }>(
      `SELECT id FROM process_instance WHERE parent_execution_id = $1 AND state = 'active'`,
      [executionId],
    );
    return row?.id;
  }

  /** Writes every loaded instance's changes and the command's history as one statement. */
  async flush(states: InstanceState[], history: HistoryBuffer): Promise<void> {
    const changes = new ChangeSet();
    // The runtime creates a parent before its called children, so load order is insert order.
    changes.insert('process_instance', states.filter((s) => s.isNew).map((s) => s.instance));
    for (const state of states) {
      const c = state.changes();
      if (!c.instance.isNew && c.instance.changed) {
        const { id, state: status, endedAt } = c.instance.row;
        changes.update('process_instance', [{ id, state: status, endedAt }]);
      }
      changes
        .delete('task', c.tasks.deleted.map((r) => r.id))
        .delete('job', c.jobs.deleted.map((r) => r.id))
        .delete('event_subscription', c.subscriptions.deleted.map((r) => r.id))
        .delete('execution', c.executions.deleted.map((r) => r.id))
        .insert('execution', c.executions.inserted)
        .update('execution', c.executions.updated.map((e) => ({ id: e.id, activityId: e.activityId, state: e.state, incomingFlowId: e.incomingFlowId, activityInstanceId: e.activityInstanceId, parentId: e.parentId, variables: e.variables })))
        .insert('task', c.tasks.inserted)
        .update('task', c.tasks.updated.map((t) => ({ id: t.id, assignee: t.assignee, dueAt: t.dueAt, revision: t.revision, suspended: t.suspended })))
        .insert('job', c.jobs.inserted)
        .update('job', c.jobs.updated.map((j) => ({ id: j.id, dueAt: j.dueAt, payload: j.payload, retries: j.retries })))
        .insert('event_subscription', c.subscriptions.inserted)
        .upsertVariables(state.id, c.variables.upserted)
        .deleteVariables(state.id, c.variables.deleted);
    }
    changes
      .insert('hist_activity_instance', [...history.activities.values()])
      .update('hist_activity_instance', [...history.activityUpdates.values()], 'history_month')
      .insert('hist_variable_update', history.variableUpdates);
    const statement = changes.toStatement();
    if (statement) await this.sql.execute(statement.text, statement.params);
    if (this.cache) this.rememberOnCommit(states, this.cache);
  }

  /**
   * Once committed, the states are what the database holds at their revision — unless touched.
   * The command is over by then and its states are dropped, so the cache takes their rows as
   * they are, and hands them to the next command the same way.
   */
  private rememberOnCommit(states: InstanceState[], cache: InstanceCache): void {
    const rows = states.map((state) => state.rows());
    this.sql.afterCommit(() => {
      for (const loaded of rows) {
        if (this.touched.has(loaded.instance.id)) cache.forget(loaded.instance.id);
        else cache.remember(loaded);
      }
    });
  }
}

/**
 * The instance of a task: an open task's runtime row answers through its primary key; only a
 * finished task (the runtime row is gone) is looked up in history, across its partitions.
 * COALESCE evaluates the second sub-select only when the first found nothing.
 */
const INSTANCE_OF_TASK = `coalesce((SELECT instance_id FROM task WHERE id = $1), (SELECT instance_id FROM hist_activity_instance WHERE task_id = $1 LIMIT 1))`;

/** Locks the instance and moves its revision on — and fails the transaction if it was not at $2. */
const GUARDED_LOCK = `UPDATE process_instance SET revision = revision + 1 WHERE id = $1
  RETURNING CASE WHEN revision = $2 + 1 THEN 0 ELSE od_stale_instance(id, $2) END`;

/** json_agg turns timestamps into strings; the runtime wants Dates. */
function withDates<T>(row: T, keys: string[]): T {
  const r = row as Record<string, unknown>;
  for (const k of keys) if (typeof r[k] === 'string') r[k] = new Date(r[k] as string);
  return row;
}
