import { PORTAL_STATUS_TEXT } from '../../dossiers/portal-status.js';
import type { Database } from '../../persistence/database.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { phoneMatches } from '../../api/public/phone-match.js';

/** What an applicant may see of a dossier: progress only, nothing personal. */
export interface PublicDossierView {
  code: string;
  procedureName: string | null;
  /** The agency handling it (its public name): whom the applicant deals with. */
  agencyName: string | null;
  status: number;
  statusText: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** Name of the step the dossier is at (several, joined, on parallel branches); null when none is open. */
  currentStep: string | null;
  /** The result was returned electronically: it is offered with a one-time code. */
  resultAvailable: boolean;
  /** The result was returned and the applicant has not rated the service yet. */
  mayRate: boolean;
  rating: 'satisfied' | 'normal' | 'dissatisfied' | null;
}

/** One message for every miss, without echoing the code: the body must not differ between misses. */
const NO_MATCH = 'no dossier matches this code and phone number';

/** Activities a dossier "is at" from the applicant's point of view: work someone is doing or awaiting. */
const STEP_TYPES = ['userTask', 'manualTask', 'receiveTask', 'task', 'serviceTask'];

/**
 * The public lookup by dossier code and the applicant's phone. An unknown code and a wrong or
 * missing phone give the very same error, so the answer never tells whether a code exists.
 */
export class PublicDossierLookup {
  constructor(private readonly db: Database) {}

  async find(code: string, phone: string | undefined): Promise<PublicDossierView> {
    const [row] = await this.db.query<{ code: string; instance_id: string; procedure_name: string | null; agency_name: string | null; status: number; received_at: Date; due_at: Date | null; applicant_phone: string | null; result_electronic: boolean; result_file_id: string | null; rating: PublicDossierView['rating'] }>(
      `SELECT d.code, d.instance_id, d.procedure_name, a.name AS agency_name, d.status, d.received_at, d.due_at, d.applicant_phone,
              d.result_electronic, d.result_file_id, r.rating
       FROM dossier d LEFT JOIN department a ON a.code = d.agency_code LEFT JOIN dossier_rating r ON r.dossier_code = d.code WHERE d.code = $1`,
      [code],
    );
    if (!row || !phoneMatches(phone, row.applicant_phone)) throw new DomainError(ErrorCode.NotFound, NO_MATCH);
    return {
      code: row.code,
      procedureName: row.procedure_name,
      agencyName: row.agency_name,
      status: row.status,
      statusText: PORTAL_STATUS_TEXT[row.status] ?? String(row.status),
      receivedAt: row.received_at,
      dueAt: row.due_at,
      currentStep: await this.currentStep(row.instance_id),
      resultAvailable: row.status === 10 && row.result_electronic && row.result_file_id !== null,
      mayRate: row.status === 10 && row.rating === null,
      rating: row.rating,
    };
  }

  private async currentStep(instanceId: string): Promise<string | null> {
    const rows = await this.db.query<{ name: string }>(
      `WITH RECURSIVE tree AS (
         SELECT id, started_at, 0 AS depth FROM process_instance WHERE id = $1
         UNION ALL SELECT p.id, p.started_at, tree.depth + 1 FROM process_instance p JOIN tree ON p.parent_instance_id = tree.id WHERE tree.depth < 32
       )
       SELECT h.activity_name AS name FROM hist_activity_instance h JOIN tree ON tree.id = h.instance_id AND h.history_month = od_history_month(tree.started_at)
       WHERE h.ended_at IS NULL AND h.activity_name IS NOT NULL AND h.activity_type = ANY($2::text[])
       ORDER BY h.started_at, h.seq`,
      [instanceId, STEP_TYPES],
    );
    const names = [...new Set(rows.map((r) => r.name))];
    return names.length > 0 ? names.join('; ') : null;
  }
}
