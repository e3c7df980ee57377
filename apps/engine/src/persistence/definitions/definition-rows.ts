import type { Sql } from '../database.js';

/** Deployed versions found by id or key, where a command or a controller checks what it was given. */
export const definitionRows = {
  async keyOf(sql: Pick<Sql, 'query'>, id: string): Promise<string | undefined> {
    const [row] = await sql.query<{ key: string }>(`SELECT key FROM process_definition WHERE id = $1`, [id]);
    return row?.key;
  },

  async latestIdOf(sql: Pick<Sql, 'query'>, key: string): Promise<string> {
    return (await sql.query<{ id: string }>(`SELECT id FROM process_definition WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key]))[0].id;
  },

  async exists(sql: Pick<Sql, 'query'>, id: string): Promise<boolean> {
    const [row] = await sql.query(`SELECT 1 FROM process_definition WHERE id = $1`, [id]);
    return Boolean(row);
  },
};
