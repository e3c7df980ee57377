/**
 * Renders parameters into SQL text for statements sent together in one round trip (PostgreSQL's
 * simple protocol takes several statements but no parameters). Only used for values the engine
 * produces or a client sent, always quoted: standard_conforming_strings makes `''` the only escape.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return value.length === 0 ? `'{}'` : `ARRAY[${value.map(literal).join(', ')}]`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.includes('\u0000')) throw new Error('text values cannot contain NUL characters');
  return `'${text.replace(/'/g, "''")}'`;
}

/** Substitutes `$1…$n` with literals. The engine's statements never hold `$` inside quoted text. */
export function inline(text: string, params: unknown[] = []): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`missing parameter $${n}`);
    return literal(params[index]);
  });
}
