import type { Sql } from '../database.js';
import type { DossierFileRow } from '../dossier-files/dossier-file-row.js';

type Reads = Pick<Sql, 'query'>;
type Writes = Pick<Sql, 'execute'>;

/**
 * What an applicant does with a dossier's result, from the public pages: one-time codes sent by
 * SMS, download tokens, the service rating.
 */
export const resultAccessStore = {
  async codesSince(sql: Reads, dossierCode: string, since: Date): Promise<number> {
    const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM result_access_code WHERE dossier_code = $1 AND created_at > $2`, [dossierCode, since]);
    return n;
  },

  /** A new code voids the ones before it: only the latest message counts. */
  async replaceCode(sql: Writes, params: { id: string; dossierCode: string; codeHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await sql.execute(`UPDATE result_access_code SET used_at = $2 WHERE dossier_code = $1 AND used_at IS NULL`, [params.dossierCode, params.at]);
    await sql.execute(`INSERT INTO result_access_code (id, dossier_code, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      params.id, params.dossierCode, params.codeHash, params.at, params.expiresAt,
    ]);
  },

  /** The code message, queued in the notice outbox by SMS whatever the notice consent (the applicant asked for it). */
  async queueCodeMessage(sql: Writes, dossierCode: string, recipient: string, subject: string, body: string, at: Date): Promise<void> {
    await sql.execute(
      `INSERT INTO applicant_notice (dossier_code, event, channel, recipient, subject, body, created_at, next_attempt_at) VALUES ($1, 'one_time_code', 'sms', $2, $3, $4, $5, $5)`,
      [dossierCode, recipient, subject, body, at],
    );
  },

  async currentCode(sql: Reads, dossierCode: string, now: Date): Promise<{ id: string; code_hash: string; attempts: number } | undefined> {
    const [current] = await sql.query<{ id: string; code_hash: string; attempts: number }>(
      `SELECT id, code_hash, attempts FROM result_access_code WHERE dossier_code = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 1`,
      [dossierCode, now],
    );
    return current;
  },

  /** A wrong attempt; the last one allowed also voids the code (`voidAt`). */
  async wrongAttempt(sql: Writes, id: string, attempts: number, voidAt: Date | undefined): Promise<void> {
    await sql.execute(`UPDATE result_access_code SET attempts = $2${voidAt ? ', used_at = $3' : ''} WHERE id = $1`, voidAt ? [id, attempts, voidAt] : [id, attempts]);
  },

  async codeUsed(sql: Writes, id: string, at: Date): Promise<void> {
    await sql.execute(`UPDATE result_access_code SET used_at = $2, attempts = attempts + 1 WHERE id = $1`, [id, at]);
  },

  async insertDownloadToken(sql: Writes, hash: string, dossierCode: string, expiresAt: Date): Promise<void> {
    await sql.execute(`INSERT INTO result_download_token (token_hash, dossier_code, expires_at) VALUES ($1, $2, $3)`, [hash, dossierCode, expiresAt]);
  },

  async fileFacts(sql: Reads, fileId: string | null): Promise<{ file_name: string; content_type: string; size_bytes: number }> {
    const [file] = await sql.query<{ file_name: string; content_type: string; size_bytes: number }>(`SELECT file_name, content_type, size_bytes FROM dossier_file WHERE id = $1`, [fileId]);
    return file;
  },

  /** The result file a live download token of the dossier opens. */
  async fileOfToken(sql: Reads, tokenHash: string, dossierCode: string, now: Date): Promise<DossierFileRow | undefined> {
    const [row] = await sql.query<DossierFileRow>(
      `SELECT f.* FROM result_download_token t JOIN dossier d ON d.code = t.dossier_code JOIN dossier_file f ON f.id = d.result_file_id
        WHERE t.token_hash = $1 AND t.dossier_code = $2 AND t.expires_at > $3`,
      [tokenHash, dossierCode, now],
    );
    return row;
  },

  async isRated(sql: Reads, dossierCode: string): Promise<boolean> {
    const [already] = await sql.query(`SELECT 1 FROM dossier_rating WHERE dossier_code = $1`, [dossierCode]);
    return Boolean(already);
  },

  async rate(sql: Writes, dossierCode: string, rating: string, comment: string | null, at: Date): Promise<void> {
    await sql.execute(`INSERT INTO dossier_rating (dossier_code, rating, comment, rated_at) VALUES ($1, $2, $3, $4)`, [dossierCode, rating, comment, at]);
  },
};
