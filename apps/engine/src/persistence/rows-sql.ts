import type { Sql } from './database.js';

/** `taskId` → `task_id`. */
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function camelize<T>(row: Record<string, unknown>): T {
  const result: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) result[camel(k)] = v;
  return result as T;
}

/** Column values as pg wants them: jsonb columns as JSON text. */
function cell(value: unknown, json: boolean): unknown {
  if (json) return value === undefined ? null : JSON.stringify(value);
  return value === undefined ? null : value;
}

/** Inserts rows in one multi-row statement. */
export async function insertRows<T extends object>(sql: Sql, table: string, rows: T[], jsonColumns: string[] = []): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = keys.map((k) => {
      params.push(cell((row as Record<string, unknown>)[k], jsonColumns.includes(k)));
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await sql.execute(`INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

/** Updates the given columns of a row by id. */
export async function updateRow(sql: Sql, table: string, id: string, patch: Record<string, unknown>, jsonColumns: string[] = []): Promise<void> {
  const keys = Object.keys(patch).filter((k) => k !== 'id');
  if (keys.length === 0) return;
  const params = keys.map((k) => cell(patch[k], jsonColumns.includes(k)));
  params.push(id);
  await sql.execute(`UPDATE ${table} SET ${keys.map((k, i) => `${snake(k)} = $${i + 1}`).join(', ')} WHERE id = $${params.length}`, params);
}

export async function deleteRows(sql: Sql, table: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.execute(`DELETE FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
}
