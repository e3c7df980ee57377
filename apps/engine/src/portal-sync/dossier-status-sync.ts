import type { Sql } from '../persistence/database.js';
import { enqueueSync } from '../persistence/portal-sync/outbox.js';
import { buildSyncRecord, type SyncDossier } from './sync-record.js';

/**
 * The dossier core's status hook (its StatusSync): one portal record per status change, queued in
 * the command's own transaction. Also call it once when a dossier is received, so the portal
 * learns of the dossier before its first change.
 */
export async function syncDossierStatus(ctx: { sql: Pick<Sql, 'query'>; now: Date }, dossier: SyncDossier): Promise<void> {
  await enqueueSync(ctx.sql, buildSyncRecord(dossier), ctx.now);
}
