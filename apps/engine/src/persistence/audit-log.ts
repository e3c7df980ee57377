import type { Sql } from './database.js';

/** One line of the audit log (user_operation): who did what to which thing, from which state. */
export interface AuditEntry {
  at: Date;
  username: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  instanceId?: string | null;
  fromState?: unknown;
  details?: unknown;
}

/**
 * Appends to the audit log — the only way anything writes to it; the database refuses updates
 * and deletes (migration 1764100016000). Inside a command it rides the command's transaction;
 * outside (sign-in, account changes) it is a statement of its own.
 */
export async function appendAudit(sql: Pick<Sql, 'execute'>, entry: AuditEntry): Promise<void> {
  await sql.execute(
    `INSERT INTO user_operation (at, username, operation, entity_type, entity_id, instance_id, from_state, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.at,
      entry.username,
      entry.operation,
      entry.entityType,
      entry.entityId,
      entry.instanceId ?? null,
      entry.fromState === undefined ? null : JSON.stringify(entry.fromState),
      entry.details === undefined ? null : JSON.stringify(entry.details),
    ],
  );
}
