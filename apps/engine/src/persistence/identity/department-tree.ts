import type { Sql } from '../database.js';

/** The agency (root of the department tree) a department belongs to. */
export async function agencyOfDepartment(sql: Pick<Sql, 'query'>, departmentCode: string | null | undefined): Promise<string | undefined> {
  if (!departmentCode) return undefined;
  const [row] = await sql.query<{ code: string }>(
    `WITH RECURSIVE up AS (SELECT code, parent_code, 0 AS depth FROM department WHERE code = $1
       UNION ALL SELECT d.code, d.parent_code, up.depth + 1 FROM department d JOIN up ON d.code = up.parent_code WHERE up.depth < 20)
     SELECT code FROM up WHERE parent_code IS NULL LIMIT 1`,
    [departmentCode],
  );
  return row?.code;
}

export async function departmentName(sql: Pick<Sql, 'query'>, code: string): Promise<{ name: string } | undefined> {
  const [row] = await sql.query<{ name: string }>(`SELECT name FROM department WHERE code = $1`, [code]);
  return row;
}
