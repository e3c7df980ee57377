import type { Sql } from '../database.js';

/** A user's standing as commands check it (assigning a task, finding the receiving desk). */
export const userStore = {
  async standing(sql: Pick<Sql, 'query'>, username: string): Promise<{ department_code: string | null; roles: string[]; active: boolean } | undefined> {
    const [user] = await sql.query<{ department_code: string | null; roles: string[]; active: boolean }>(
      `SELECT department_code, roles, active FROM app_user WHERE username = $1`,
      [username],
    );
    return user;
  },

  async departmentOf(sql: Pick<Sql, 'query'>, username: string | null): Promise<{ department_code: string | null } | undefined> {
    const [desk] = await sql.query<{ department_code: string | null }>(`SELECT department_code FROM app_user WHERE username = $1`, [username]);
    return desk;
  },
};
