import { snake } from './row-names.js';

/** A row as PostgreSQL's `jsonb_populate_recordset` reads it: column names as keys. */
function columnsOf(row: object): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) result[snake(k)] = v === undefined ? null : v;
  return result;
}

/** The jsonb columns among the tables a command writes: their values travel as JSON text. */
const JSONB_COLUMNS = new Map<string, Set<string>>([
  ['job', new Set(['payload'])],
  ['execution', new Set(['variables'])],
  ['hist_variable_update', new Set(['value'])],
  ['variable', new Set(['value'])],
  ['user_operation', new Set(['from_state', 'details'])],
]);

/**
 * A value as a typed parameter: JSON text for a jsonb column (SQL NULL for null, as
 * jsonb_populate_recordset reads it), a Date as its ISO text — every timestamp a command writes
 * is a timestamptz, and toISOString is native where node-postgres formats local time by hand.
 */
function columnValue(table: string, column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return JSONB_COLUMNS.get(table)?.has(column) ? JSON.stringify(value) : value;
}

/**
 * Every row a command inserts, updates or deletes, written as ONE statement: a WITH query whose
 * parts are data-modifying statements — a single row with a parameter per column, several rows
 * from one jsonb parameter (one part whatever their number). One
 * statement instead of one per table and operation saves PostgreSQL a protocol exchange, a
 * portal and an executor start per part, and the text depends only on which parts are present,
 * so a connection prepares and plans each shape once.
 *
 * All parts run on one snapshot, so a row must appear in one part only: the history buffer
 * already folds an update of a row inserted by the same command into the insert, and the
 * instance diff never both inserts and deletes a row. Foreign keys are checked when the whole
 * statement ends, so a child may arrive in the same statement as its parent.
 */
export class ChangeSet {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** Inserts rows (camelCase keys; the first row's keys name the columns). */
  insert(table: string, rows: object[]): this {
    if (rows.length === 0) return this;
    const keys = Object.keys(rows[0]);
    const columns = keys.map(snake);
    if (rows.length === 1) {
      // One row, the usual case: a parameter per column, typed by its column. PostgreSQL reads
      // each with the column's input function, not through a jsonb document first.
      const row = rows[0] as Record<string, unknown>;
      const values = keys.map((k, i) => this.param(columnValue(table, columns[i], row[k])));
      this.parts.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')})`);
      return this;
    }
    const list = columns.join(', ');
    return this.add(rows.map(columnsOf), (p) => `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${p}::jsonb)`);
  }

  /**
   * Updates rows by id; patches with the same columns share one part. A partitioned table's
   * patches name their partition key too (`partitionKey`, a date column): it joins the WHERE
   * clause so the update goes to one partition instead of probing every partition's index.
   */
  update(table: string, patches: ({ id: string } & Record<string, unknown>)[], partitionKey?: string): this {
    const keys = new Set(['id', ...(partitionKey ? [partitionKey] : [])]);
    const byColumns = new Map<string, Record<string, unknown>[]>();
    for (const patch of patches) {
      const row = columnsOf(patch);
      const columns = Object.keys(row).filter((k) => !keys.has(k)).join(',');
      if (columns === '') continue;
      byColumns.set(columns, [...(byColumns.get(columns) ?? []), row]);
    }
    for (const [columns, rows] of byColumns) {
      if (rows.length === 1) {
        const [row] = rows;
        const set = columns.split(',').map((c) => `${c} = ${this.param(columnValue(table, c, row[c]))}`).join(', ');
        const inPartition = partitionKey ? ` AND ${partitionKey} = ${this.param(row[partitionKey])}::date` : '';
        this.parts.push(`UPDATE ${table} SET ${set} WHERE id = ${this.param(row.id)}${inPartition}`);
        continue;
      }
      const set = columns.split(',').map((c) => `${c} = x.${c}`).join(', ');
      // The ids come again as an array so the plan finds the rows through the primary key
      // whatever the statistics say: a join on the jsonb rows alone (estimated at 100) becomes a
      // hash join over the whole table. The partition keys likewise, so partitions are pruned.
      const ids = this.param(rows.map((r) => r.id as string));
      const inPartitions = partitionKey
        ? ` AND t.${partitionKey} = ANY(${this.param([...new Set(rows.map((r) => r[partitionKey] as string))])}::date[]) AND t.${partitionKey} = x.${partitionKey}`
        : '';
      this.add(rows, (p) => `UPDATE ${table} t SET ${set} FROM jsonb_populate_recordset(NULL::${table}, ${p}::jsonb) x WHERE t.id = ANY(${ids}::uuid[]) AND t.id = x.id${inPartitions}`);
    }
    return this;
  }

  /** Deletes rows by id. */
  delete(table: string, ids: string[]): this {
    if (ids.length === 0) return this;
    return this.add(ids, (p) => `DELETE FROM ${table} WHERE id = ANY(${p}::uuid[])`, false);
  }

  /** Sets an instance's variables (values stored as jsonb, `null` included). */
  upsertVariables(instanceId: string, entries: [string, unknown][]): this {
    if (entries.length === 0) return this;
    // Values travel as JSON texts inside the jsonb parameter so a null value is stored as the
    // jsonb `null` it was, not as SQL NULL.
    if (entries.length === 1) {
      const [[name, value]] = entries;
      this.parts.push(
        `INSERT INTO variable (instance_id, name, value) VALUES (${this.param(instanceId)}, ${this.param(name)}, ${this.param(JSON.stringify(value ?? null))})
        ON CONFLICT (instance_id, name) DO UPDATE SET value = excluded.value`,
      );
      return this;
    }
    const rows = entries.map(([name, value]) => ({ instance_id: instanceId, name, value: JSON.stringify(value ?? null) }));
    return this.add(
      rows,
      (p) => `INSERT INTO variable (instance_id, name, value)
        SELECT (r->>'instance_id')::uuid, r->>'name', (r->>'value')::jsonb FROM jsonb_array_elements(${p}::jsonb) r
        ON CONFLICT (instance_id, name) DO UPDATE SET value = excluded.value`,
    );
  }

  deleteVariables(instanceId: string, names: string[]): this {
    if (names.length === 0) return this;
    const instance = this.param(instanceId);
    return this.add(names, (p) => `DELETE FROM variable WHERE instance_id = ${instance}::uuid AND name = ANY(${p}::text[])`, false);
  }

  /** The whole change as one statement, or nothing when there is no change. */
  toStatement(): { text: string; params: unknown[] } | undefined {
    if (this.isEmpty) return undefined;
    const ctes = this.parts.map((part, i) => `w${i + 1} AS (${part})`);
    return { text: `WITH ${ctes.join(',\n')}\nSELECT 1`, params: this.params };
  }

  private add(value: unknown, part: (param: string) => string, json = true): this {
    const param = this.param(json ? JSON.stringify(value) : value);
    this.parts.push(part(param));
    return this;
  }

  /** Adds a parameter; returns its placeholder. */
  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
