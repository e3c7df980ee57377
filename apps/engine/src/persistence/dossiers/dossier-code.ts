import type { Sql } from '../database.js';

/** `yymmdd` of an instant in Vietnam. */
export function localDayKey(instant: Date): { day: string; yymmdd: string } {
  const local = new Date(instant.getTime() + 7 * 3600_000);
  const day = local.toISOString().slice(0, 10);
  return { day, yymmdd: day.slice(2).replace(/-/g, '') };
}

/**
 * The next dossier code `<agency>-<yymmdd>-<sequence>` (e.g. `H38.2-260518-0000015`). The
 * sequence row is incremented inside the receiving transaction: concurrent receipts on any node
 * queue on that row, and a receipt that rolls back gives its number back — gap-free per agency
 * and day.
 */
export async function nextDossierCode(sql: Sql, agencyCode: string, receivedAt: Date): Promise<string> {
  const { day, yymmdd } = localDayKey(receivedAt);
  const [row] = await sql.query<{ last_value: number }>(
    `INSERT INTO dossier_sequence (agency_code, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1
     RETURNING last_value`,
    [agencyCode, day],
  );
  return `${agencyCode}-${yymmdd}-${String(row.last_value).padStart(7, '0')}`;
}
