import type {
  ActivityInstanceRow,
  ExecutionRow,
  JobRow,
  ProcessInstanceRow,
  SubscriptionRow,
  TaskHistoryRow,
  TaskRow,
  VariableUpdateRow,
} from './rows.js';

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
  /** Serialized rows as loaded, per map, to tell inserts, updates and deletes apart. */
  private readonly snapshots = new Map<Map<string, unknown>, Map<string, string>>();
  private readonly originalVariables: Map<string, string>;
  private readonly instanceSnapshot: string;

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
    for (const [map, rows] of pairs) {
      this.snapshots.set(map, new Map(isNew ? [] : rows.map((row) => [row.id, JSON.stringify(row)])));
    }
    this.originalVariables = new Map(isNew ? [] : Object.entries(loaded.variables).map(([k, v]) => [k, JSON.stringify(v)]));
    this.instanceSnapshot = JSON.stringify(loaded.instance);
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
      instance: { row: this.instance, isNew: this.isNew, changed: this.isNew || JSON.stringify(this.instance) !== this.instanceSnapshot },
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
      else if (before !== JSON.stringify(row)) changes.updated.push(row);
    }
    for (const [id, before] of snapshot) {
      if (!current.has(id)) changes.deleted.push(JSON.parse(before) as T);
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

/** History written by one command: appended rows, plus the closing of rows opened earlier. */
export class HistoryBuffer {
  readonly activities = new Map<string, ActivityInstanceRow>();
  readonly activityUpdates = new Map<string, Partial<ActivityInstanceRow> & { id: string }>();
  readonly tasks = new Map<string, TaskHistoryRow>();
  readonly taskUpdates = new Map<string, Partial<TaskHistoryRow> & { id: string }>();
  readonly variableUpdates: VariableUpdateRow[] = [];

  openActivity(row: ActivityInstanceRow): void {
    this.activities.set(row.id, row);
  }

  updateActivity(id: string, patch: Partial<ActivityInstanceRow>): void {
    const fresh = this.activities.get(id);
    if (fresh) Object.assign(fresh, patch);
    else this.activityUpdates.set(id, { ...(this.activityUpdates.get(id) ?? { id }), ...patch });
  }

  openTask(row: TaskHistoryRow): void {
    this.tasks.set(row.id, row);
  }

  updateTask(id: string, patch: Partial<TaskHistoryRow>): void {
    const fresh = this.tasks.get(id);
    if (fresh) Object.assign(fresh, patch);
    else this.taskUpdates.set(id, { ...(this.taskUpdates.get(id) ?? { id }), ...patch });
  }
}
