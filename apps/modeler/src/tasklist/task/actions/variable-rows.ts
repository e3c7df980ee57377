export type VariableType = 'text' | 'number' | 'boolean';

export interface VariableRow {
  name: string;
  type: VariableType;
  value: string;
}

export type VariableParse = { ok: true; variables: Record<string, unknown> } | { ok: false; problems: { row: number; message: string }[] };

// The engine's conditions are FEEL: a variable a condition can read is a plain identifier.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the key/value rows of the complete form into typed variables. Blank rows are skipped;
 * messages are English source strings for i18n.t with `{name}` filled in by the caller.
 */
export function parseVariableRows(rows: VariableRow[]): VariableParse {
  const variables: Record<string, unknown> = {};
  const problems: { row: number; message: string }[] = [];
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!name && !row.value.trim()) return;
    if (!NAME.test(name)) return problems.push({ row: index, message: 'Variable name “{name}” must start with a letter and use only letters, digits and _.' });
    if (name in variables) return problems.push({ row: index, message: 'Variable “{name}” appears twice.' });
    if (row.type === 'boolean') {
      if (row.value !== 'true' && row.value !== 'false') return problems.push({ row: index, message: 'Choose yes or no for “{name}”.' });
      variables[name] = row.value === 'true';
    } else if (row.type === 'number') {
      const number = Number(row.value.trim().replace(',', '.'));
      if (!row.value.trim() || !Number.isFinite(number)) return problems.push({ row: index, message: '“{name}” needs a number.' });
      variables[name] = number;
    } else {
      variables[name] = row.value;
    }
    return undefined;
  });
  return problems.length ? { ok: false, problems } : { ok: true, variables };
}
