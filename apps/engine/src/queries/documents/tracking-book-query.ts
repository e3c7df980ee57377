import { VIETNAM_UTC_OFFSET_MS, classifyTimeliness } from '@onedoor/working-calendar';
import type { Database } from '../../persistence/database.js';
import { notFound } from '../../shared/domain-error.js';
import type { TrackingBook, TrackingBookEntry } from '../../documents/document-data.js';
import { CURRENT_FORM_SET } from '../../documents/form-registry.js';

interface EntryRow {
  code: string;
  applicant_name: string;
  procedure_name: string | null;
  received_at: Date;
  legal_due_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  status: number;
  apology_count: number;
  form_version: string;
}

/** Statuses of a resolved dossier (processed, result returned): the only ones with a timeliness. */
const RESOLVED = new Set([9, 10]);

/**
 * Loads form 07, the register of every dossier an agency received between two local dates
 * (inclusive), in order of receipt.
 */
export class TrackingBookQuery {
  constructor(private readonly db: Database) {}

  async load(agencyCode: string, from: string, to: string, printedAt: Date): Promise<TrackingBook> {
    const [agency] = await this.db.query<{ code: string; name: string }>(`SELECT code, name FROM department WHERE code = $1`, [agencyCode]);
    const rows = await this.db.query<EntryRow>(
      `SELECT code, applicant_name, procedure_name, received_at, legal_due_at, due_at, finished_at, returned_at, status, apology_count, form_version
       FROM dossier WHERE agency_code = $1 AND received_at >= $2 AND received_at < $3
       ORDER BY received_at, code`,
      [agencyCode, localDayStart(from, 0), localDayStart(to, 1)],
    );
    // Dossiers carry agency codes that need not be departments (od:agencyCode); print the code then.
    if (!agency && rows.length === 0) {
      const [known] = await this.db.query(`SELECT 1 FROM dossier WHERE agency_code = $1 LIMIT 1`, [agencyCode]);
      if (!known) throw notFound('Agency', agencyCode);
    }
    return {
      agency: agency ?? { code: agencyCode, name: agencyCode },
      from,
      to,
      entries: rows.map(entryOf),
      formVersion: rows.at(-1)?.form_version ?? CURRENT_FORM_SET,
      printedAt,
    };
  }
}

function entryOf(row: EntryRow): TrackingBookEntry {
  // An apology moves the appointment, not the legal deadline: a dossier that needed one is still late.
  const due = row.legal_due_at ?? row.due_at;
  const finished = row.finished_at ?? row.returned_at;
  return {
    code: row.code,
    applicantName: row.applicant_name,
    procedureName: row.procedure_name,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    returnedAt: row.returned_at,
    status: row.status,
    result: RESOLVED.has(row.status) && finished && due ? classifyTimeliness(finished, due) : null,
    apologyCount: row.apology_count,
  };
}

/** Local midnight of `date` (YYYY-MM-DD) plus `plusDays`, as an instant. */
function localDayStart(date: string, plusDays: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays) - VIETNAM_UTC_OFFSET_MS);
}
