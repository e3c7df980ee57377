import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENGINE = path.join(root, 'apps', 'engine', 'src');
/** The write side's stores (and the migrations) and the read side's queries: the only homes of SQL. */
const SQL_HOMES = ['persistence', 'queries'].map((folder) => path.join(ENGINE, folder) + path.sep);

/**
 * What counts as SQL: a string or template literal (comments and identifiers don't count) that
 * holds a statement's or a clause's keywords in SQL's upper case, or a positional parameter
 * (`= $1`, or `$${n}` numbered as a filter is built).
 * Prose in the UI is Vietnamese and English sentences, never these shapes.
 */
const SQL_SHAPES: RegExp[] = [
  /\bSELECT\s+\S/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\s+\w+(\s+\w+)?\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\bWITH\s+(RECURSIVE\s+)?\w+\s+AS\b/,
  /\b(ORDER|GROUP|PARTITION)\s+BY\b/,
  /\bCASE\s+WHEN\b/,
  /\bON\s+CONFLICT\b/,
  /\bFOR\s+UPDATE\b/,
  /\b(CREATE|ALTER|DROP|TRUNCATE)\s+(TABLE|INDEX|SEQUENCE|EXTENSION|SCHEMA|DATABASE|ROLE)\b/,
  /\b(LISTEN|UNLISTEN|NOTIFY)\s+\w/,
  /\bpg_\w+\s*\(/,
  /[(,=<>]\s*\$\d+\b/,
  /\$\$\{…\}/,
];

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Every string and template literal of a module (a template's parts joined around its holes). */
function literalsOf(file: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => `\${…}${span.literal.text}`)].join(''));
    node.forEachChild(visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return found;
}

/** The first literal of a module that reads as SQL, if any. */
export function sqlIn(file: string, text: string): string | undefined {
  const literal = literalsOf(file, text).find((l) => SQL_SHAPES.some((shape) => shape.test(l)));
  return literal === undefined ? undefined : literal.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/**
 * docs/architecture.md: SQL lives in `persistence/` (stores, the migrations) and the read side's
 * `queries/`; commands, controllers and services call a store. A newcomer looking for the
 * statement that touches a table finds it in one of two folders.
 */
describe('where the engine’s SQL lives', () => {
  it('given every engine module outside persistence/ and queries/, none holds SQL', async () => {
    const misplaced: string[] = [];
    for await (const file of sources(ENGINE)) {
      if (SQL_HOMES.some((home) => file.startsWith(home))) continue;
      const sql = sqlIn(file, await readFile(file, 'utf8'));
      if (sql !== undefined) misplaced.push(`${path.relative(root, file)}: ${sql}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('given a module with a statement in a template, a string or a fragment, the check sees each', () => {
    const shapes = [
      "const rows = await sql.query(`SELECT code FROM dossier WHERE code = ${'$'}1`, [code]);",
      "await sql.execute('DELETE FROM job WHERE id = $1', [id]);",
      'const set = `UPDATE dossier SET ${columns} WHERE code = $1`;',
      'where.push(`p.business_key ILIKE $${params.length}`);',
      'const expr = `CASE WHEN ${a} > ${b} THEN 1 ELSE 0 END`;',
    ];
    for (const shape of shapes) expect(sqlIn('planted.ts', shape)).toBeDefined();
  });

  it('given SQL words in comments, prose or identifiers, the check stays quiet', () => {
    const text = [
      '/** Locks the row with SELECT … FOR UPDATE, like every command. */',
      '// INSERT INTO happens in the store',
      "const label = 'Chọn (select) một hồ sơ để cập nhật';",
      "const message = 'update failed: the dossier was deleted from the desk';",
      'const selectAll = () => items.filter(Boolean);',
    ].join('\n');
    expect(sqlIn('quiet.ts', text)).toBeUndefined();
  });
});
