/** Column names in SQL are snake_case, row properties in TypeScript camelCase. */

/** `taskId` → `task_id`. */
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A row read from PostgreSQL with its keys in camelCase. */
export function camelize<T>(row: Record<string, unknown>): T {
  const result: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) result[camel(k)] = v;
  return result as T;
}
