import type { Sql } from '../database.js';
import type { DossierFileStore } from '../../dossier-files/dossier-file-store.js';

/**
 * Files as PostgreSQL large objects: written in the same transaction as their row (a rolled-back
 * upload leaves nothing behind) and saved by the same backups as the dossiers. Files are small
 * (scans, a few MB; the upload limit bounds them), so they travel whole as bytea.
 */
export class LargeObjectStore implements DossierFileStore {
  readonly kind = 'pg-large-object' as const;

  async put(sql: Pick<Sql, 'query'>, bytes: Buffer): Promise<string> {
    const [row] = await sql.query<{ oid: string }>(`SELECT lo_from_bytea(0, $1::bytea)::text AS oid`, [bytes]);
    return row.oid;
  }

  async get(db: Pick<Sql, 'query'>, key: string): Promise<Buffer | undefined> {
    if (!/^\d+$/.test(key)) return undefined;
    const [exists] = await db.query(`SELECT 1 FROM pg_largeobject_metadata WHERE oid = $1::oid`, [key]);
    if (!exists) return undefined;
    const [row] = await db.query<{ bytes: Buffer }>(`SELECT lo_get($1::oid) AS bytes`, [key]);
    return row?.bytes;
  }
}
