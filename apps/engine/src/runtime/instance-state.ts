import type {
  ActivityInstanceRow,
  ExecutionRow,
  JobRow,
  ProcessInstanceRow,
  SubscriptionRow,
  TaskRow,
  VariableUpdateRow,
} from './rows.js';
import { historyMonthOf } from './rows.js';

/** Everything the runtime keeps of one process instance, as loaded at the start of a command. */
export interface LoadedInstance {
  instance: ProcessInstanceRow;
  executions: ExecutionRow[];
  tasks: TaskRow[];
  jobs: JobRow[];
  subscriptions: SubscriptionRow[];
  variables: Record<string, unknown>;
}

export interface RowChanges<T> {
  inserted: T[];
  updated: T[];
  deleted: T[];
}

export interface InstanceChanges {
  instance: { row: ProcessInstanceRow; isNew: boolean; changed: boolean };
  executions: RowChanges<ExecutionRow>;
  tasks: RowChanges<TaskRow>;
  jobs: RowChanges<JobRow>;
  subscriptions: RowChanges<SubscriptionRow>;
  variables: { upserted: [string, unknown][]; deleted: string[] };
}

/**
 * One instance's runtime rows in memory during a command. The runtime mutates the maps freely;
 * `changes()` compares with the snapshot taken at load, so the unit of work writes exactly the
 * rows that changed and nothing can be forgotten by a behaviour.
 */
export class InstanceState {
  readonly instance: ProcessInstanceRow;
  readonly executions = new Map<string, ExecutionRow>();
  readonly tasks = new Map<string, TaskRow>();
  readonly jobs = new Map<string, JobRow>();
  readonly subscriptions = new Map<string, SubscriptionRow>();
  readonly variables = new Map<string, unknown>();
  /** Rows as loaded, per map, to tell inserts, updates and deletes apart. */
  private readonly snapshots = new Map<Map<string, unknown>, Map<string, Snapshot>>();
  private readonly originalVariables: Map<string, string>;
  private readonly instanceSnapshot: Snapshot;

  constructor(
    loaded: LoadedInstance,
    readonly isNew = false,
  ) {
    this.instance = { ...loaded.instance };
    for (const e of loaded.executions) this.executions.set(e.id, { ...e });
    for (const t of loaded.tasks) this.tasks.set(t.id, { ...t });
    for (const j of loaded.jobs) this.jobs.set(j.id, { ...j });
    for (const s of loaded.subscriptions) this.subscriptions.set(s.id, { ...s });
    for (const [k, v] of Object.entries(loaded.variables)) this.variables.set(k, v);
    const pairs: [Map<string, unknown>, { id: string }[]][] = [
      [this.executions, loaded.executions],
      [this.tasks, loaded.tasks],
      [this.jobs, loaded.jobs],
      [this.subscriptions, loaded.subscriptions],
    ];
    // The maps hold copies, so the loaded rows themselves stay as they were loaded.
    for (const [map, rows] of pairs) {
      this.snapshots.set(map, new Map(isNew ? [] : rows.map((row) => [row.id, snapshotOf(row)])));
    }
    this.originalVariables = new Map(isNew ? [] : Object.entries(loaded.variables).map(([k, v]) => [k, JSON.stringify(v)]));
    this.instanceSnapshot = snapshotOf(loaded.instance);
  }

  get id(): string {
    return this.instance.id;
  }

  /** Child tokens of a scope execution. */
  childrenOf(scopeId: string): ExecutionRow[] {
    const result: ExecutionRow[] = [];
    for (const e of this.executions.values()) if (e.parentId === scopeId) result.push(e);
    return result;
  }

  /** Whether any conditional event waits here (variable changes then re-check them). */
  hasConditionalSubscriptions(): boolean {
    for (const sub of this.subscriptions.values()) if (sub.type === 'conditional') return true;
    return false;
  }

  variablesObject(): Record<string, unknown> {
    return Object.fromEntries(this.variables);
  }

  /** The rows as they stand now, in the shape they were loaded in. */
  rows(): LoadedInstance {
    return {
      instance: this.instance,
      executions: [...this.executions.values()],
      tasks: [...this.tasks.values()],
      jobs: [...this.jobs.values()],
      subscriptions: [...this.subscriptions.values()],
      variables: this.variablesObject(),
    };
  }

  changes(): InstanceChanges {
    return {
      instance: { row: this.instance, isNew: this.isNew, changed: this.isNew || changedSince(this.instance, this.instanceSnapshot) },
      executions: this.diff(this.executions),
      tasks: this.diff(this.tasks),
      jobs: this.diff(this.jobs),
      subscriptions: this.diff(this.subscriptions),
      variables: this.diffVariables(),
    };
  }

  private diff<T extends { id: string }>(current: Map<string, T>): RowChanges<T> {
    const changes: RowChanges<T> = { inserted: [], updated: [], deleted: [] };
    const snapshot = this.snapshots.get(current as Map<string, unknown>)!;
    for (const row of current.values()) {
      const before = snapshot.get(row.id);
      if (before === undefined) changes.inserted.push(row);
      else if (changedSince(row, before)) changes.updated.push(row);
    }
    for (const [id, before] of snapshot) {
      if (!current.has(id)) changes.deleted.push(before.row as unknown as T);
    }
    return changes;
  }

  private diffVariables(): { upserted: [string, unknown][]; deleted: string[] } {
    const upserted: [string, unknown][] = [];
    for (const [name, value] of this.variables) {
      if (this.originalVariables.get(name) !== JSON.stringify(value)) upserted.push([name, value]);
    }
    const deleted = [...this.originalVariables.keys()].filter((name) => !this.variables.has(name));
    return { upserted, deleted };
  }
}

/**
 * A row as loaded. Its own fields are compared as they are (a Date by its time); a nested value
 * (a job's payload) is kept as JSON, since the runtime may change it in place and the copy in
 * the map shares it. Cheaper than serialising every row twice per command, and it tells the
 * same rows apart as comparing their JSON would.
 */
interface Snapshot {
  row: object;
  nested?: Map<string, string>;
}

function snapshotOf(row: object): Snapshot {
  let nested: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) (nested ??= new Map()).set(key, JSON.stringify(value));
  }
  return { row, nested };
}

function changedSince(row: object, before: Snapshot): boolean {
  const now = row as Record<string, unknown>;
  const then = before.row as Record<string, unknown>;
  for (const key in now) {
    const value = now[key];
    const nested = before.nested?.get(key);
    if (nested !== undefined) {
      if (value === null || typeof value !== 'object' || value instanceof Date || JSON.stringify(value) !== nested) return true;
    } else if (value !== then[key]) {
      const old = then[key];
      if (value instanceof Date && old instanceof Date) {
        if (value.getTime() !== old.getTime()) return true;
      } else if (!(value === undefined && !(key in then))) {
        return true; // (a field set to undefined is as absent as it was, as in JSON)
      }
    }
  }
  for (const key in then) if (!(key in now) && then[key] !== undefined) return true;
  return false;
}

/**
 * History written by one command: appended rows, plus the closing of rows opened earlier.
 * Updates carry the row's partition key (its instance's start month) so they touch one partition.
 */
export class HistoryBuffer {
  readonly activities = new Map<string, ActivityInstanceRow>();
  readonly activityUpdates = new Map<string, Partial<ActivityInstanceRow> & { id: string; historyMonth: string }>();
  readonly variableUpdates: VariableUpdateRow[] = [];

  openActivity(row: ActivityInstanceRow): void {
    this.activities.set(row.id, row);
  }

  /** Patches an activity row of `instance` — folded into its insert when this command opened it. */
  updateActivity(instance: Pick<ProcessInstanceRow, 'startedAt'>, id: string, patch: Partial<ActivityInstanceRow>): void {
    const fresh = this.activities.get(id);
    if (fresh) Object.assign(fresh, patch);
    else this.activityUpdates.set(id, { ...(this.activityUpdates.get(id) ?? { id, historyMonth: historyMonthOf(instance.startedAt) }), ...patch });
  }
}
