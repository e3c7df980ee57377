import type { Actor } from '../../commands/command.js';
import { phoneMatches } from '../../api/public/phone-match.js';
import type { Sql } from '../database.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';

/** Who acts on the public page: the applicant, known only by the dossier code and phone they give. */
export const APPLICANT_ACTOR: Actor = { username: 'applicant', roles: ['applicant'] };

/** The same answer as the public lookup's for every miss, so it never tells whether a code exists. */
export const NO_MATCH = 'no dossier matches this code and phone number';

export interface ApplicantDossier {
  code: string;
  instance_id: string;
  status: number;
  applicant_phone: string | null;
  result_electronic: boolean;
  result_file_id: string | null;
}

/** The dossier, locked, when the phone is the applicant's; otherwise the lookup's "no match". */
export async function applicantDossier(sql: Pick<Sql, 'query'>, code: string, phone: string | undefined): Promise<ApplicantDossier> {
  const [row] = await sql.query<ApplicantDossier>(
    `SELECT code, instance_id, status, applicant_phone, result_electronic, result_file_id FROM dossier WHERE code = $1 FOR UPDATE`,
    [code],
  );
  if (!row || !phoneMatches(phone, row.applicant_phone)) throw new DomainError(ErrorCode.NotFound, NO_MATCH);
  return row;
}

/** The electronic result is the applicant's to take once the dossier's result has been returned. */
export const resultReleased = (d: Pick<ApplicantDossier, 'status' | 'result_electronic' | 'result_file_id'>) => d.status === 10 && d.result_electronic && d.result_file_id !== null;
