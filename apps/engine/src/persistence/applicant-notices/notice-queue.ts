import type { Sql } from '../database.js';

/**
 * The applicant-notice outbox as its delivery works it, inside the delivery's transaction: due
 * rows of the configured channels taken with FOR UPDATE SKIP LOCKED, then each one's delivery,
 * its next attempt, or its giving up.
 */
export const noticeQueue = {
  takeDue<T>(sql: Pick<Sql, 'query'>, now: Date, channels: string[], limit: number): Promise<T[]> {
    return sql.query<T>(
      `SELECT id, dossier_code, event, channel, recipient, subject, body, data, attempts
           FROM applicant_notice
          WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND channel = ANY($2)
          ORDER BY id
          LIMIT $3
          FOR UPDATE SKIP LOCKED`,
      [now, channels, limit],
    );
  },

  async delivered(sql: Pick<Sql, 'execute'>, id: string, at: Date, attempts: number, providerId: string | null): Promise<void> {
    await sql.execute(`UPDATE applicant_notice SET delivered_at = $2, attempts = $3, provider_id = $4, last_error = NULL WHERE id = $1`, [id, at, attempts, providerId]);
  },

  async givenUp(sql: Pick<Sql, 'execute'>, id: string, attempts: number, at: Date, error: string): Promise<void> {
    await sql.execute(`UPDATE applicant_notice SET attempts = $2, failed_at = $3, last_error = $4 WHERE id = $1`, [id, attempts, at, error]);
  },

  async retryLater(sql: Pick<Sql, 'execute'>, id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await sql.execute(`UPDATE applicant_notice SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1`, [id, attempts, nextAttemptAt, error]);
  },
};
