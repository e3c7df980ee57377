import type { Sql } from '../database.js';
import type { PortalSyncRecord } from '../../portal-sync/sync-record.js';

/**
 * Queues a record for the national portal inside the caller's transaction, so the record exists
 * exactly when the dossier change it describes commits (the transactional outbox). Delivery is
 * PortalOutboxDelivery's job; records of one dossier go out in the order of their ids, which is
 * the order of these calls as long as the caller holds the dossier's lock.
 */
export async function enqueueSync(sql: Pick<Sql, 'query'>, record: PortalSyncRecord, now: Date): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO portal_outbox (dossier_code, created_at, payload, next_attempt_at) VALUES ($1, $2, $3, $2) RETURNING id`,
    [record.MaHoSo, now, JSON.stringify(record)],
  );
  return String(row.id);
}
