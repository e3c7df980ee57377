import type { Sql } from '../../persistence/database.js';
import type { FlowNode } from '../../model/procedure-graph.js';

export interface Officer {
  username: string;
  fullName: string;
}

/**
 * Who can be picked to do a step: active people of the step's department holding its role
 * (anyone of the department when nobody holds it, so a pick is never impossible), by name.
 */
export async function officersFor(sql: Pick<Sql, 'query'>, step: FlowNode): Promise<Officer[]> {
  const department = step.step.departmentCode;
  if (!department) return [];
  const people = await sql.query<Officer & { holds: boolean }>(
    `SELECT username, full_name AS "fullName", ($2::text IS NULL OR $2 = ANY(roles)) AS holds
     FROM app_user WHERE active AND department_code = $1 AND ('officer' = ANY(roles) OR 'leader' = ANY(roles))
     ORDER BY full_name, username`,
    [department, step.step.role ?? null],
  );
  const holders = people.filter((p) => p.holds);
  return (holders.length ? holders : people).map(({ username, fullName }) => ({ username, fullName }));
}
