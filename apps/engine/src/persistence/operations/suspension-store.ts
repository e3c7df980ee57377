import type { Sql } from '../database.js';

/** Suspension flags of instances and procedure versions (operations console). */
export const suspensionStore = {
  /** Suspends or resumes an instance; suspending hands back the locks of its jobs (the poll skips them meanwhile). */
  async setInstanceSuspended(sql: Pick<Sql, 'execute'>, instanceId: string, suspended: boolean): Promise<void> {
    await sql.execute(`UPDATE process_instance SET suspended = $2 WHERE id = $1`, [instanceId, suspended]);
    if (suspended) await sql.execute(`UPDATE job SET lock_owner = NULL, lock_expires_at = NULL WHERE instance_id = $1`, [instanceId]);
  },

  async lockDefinition(sql: Pick<Sql, 'query'>, definitionId: string): Promise<{ suspended: boolean } | undefined> {
    const [row] = await sql.query<{ suspended: boolean }>(`SELECT suspended FROM process_definition WHERE id = $1 FOR UPDATE`, [definitionId]);
    return row;
  },

  async setDefinitionSuspended(sql: Pick<Sql, 'execute'>, definitionId: string, suspended: boolean): Promise<void> {
    await sql.execute(`UPDATE process_definition SET suspended = $2 WHERE id = $1`, [definitionId, suspended]);
  },

  async definitionState(sql: Pick<Sql, 'query'>, definitionId: string): Promise<{ suspended: boolean; version: number; key: string } | undefined> {
    const [row] = await sql.query<{ suspended: boolean; version: number; key: string }>(`SELECT suspended, version, key FROM process_definition WHERE id = $1`, [definitionId]);
    return row;
  },
};
