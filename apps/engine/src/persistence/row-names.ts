/** Column names in SQL are snake_case, row properties in TypeScript camelCase. */

// Every command maps the same few dozen names, so each is converted once and looked up after.
const snakeNames = new Map<string, string>();
const camelNames = new Map<string, string>();

/** `taskId` → `task_id`. */
export function snake(key: string): string {
  let name = snakeNames.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakeNames.size < 10_000) snakeNames.set(key, name);
  }
  return name;
}

function camel(key: string): string {
  let name = camelNames.get(key);
  if (name === undefined) {
    name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (camelNames.size < 10_000) camelNames.set(key, name);
  }
  return name;
}

/** A row read from PostgreSQL with its keys in camelCase. */
export function camelize<T>(row: Record<string, unknown>): T {
  const result: Record<string, unknown> = {};
  for (const k in row) result[camel(k)] = row[k];
  return result as T;
}
