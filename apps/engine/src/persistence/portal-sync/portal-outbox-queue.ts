import type { Sql } from '../database.js';

export interface PendingPortalRecord {
  id: string;
  dossier_code: string;
  payload: unknown;
  attempts: number;
}

/**
 * The national-portal outbox as its delivery works it, inside the delivery's transaction: the
 * oldest undelivered record of each dossier that has no older undelivered record, taken with
 * FOR UPDATE SKIP LOCKED, then each one's delivery or its next attempt.
 */
export const portalOutboxQueue = {
  takeDue(sql: Pick<Sql, 'query'>, now: Date, limit: number): Promise<PendingPortalRecord[]> {
    return sql.query<PendingPortalRecord>(
      `SELECT o.id, o.dossier_code, o.payload, o.attempts
           FROM portal_outbox o
          WHERE o.delivered_at IS NULL AND o.next_attempt_at <= $1
            AND NOT EXISTS (SELECT 1 FROM portal_outbox older
                             WHERE older.dossier_code = o.dossier_code AND older.delivered_at IS NULL AND older.id < o.id)
          ORDER BY o.id
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  },

  async delivered(sql: Pick<Sql, 'execute'>, id: string, at: Date): Promise<void> {
    await sql.execute(`UPDATE portal_outbox SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id, at]);
  },

  async retryLater(sql: Pick<Sql, 'execute'>, id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await sql.execute(`UPDATE portal_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1`, [id, attempts, nextAttemptAt, error]);
  },
};
