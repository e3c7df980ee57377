import type { Actor } from '../../commands/command.js';
import type { Database } from '../../persistence/database.js';
import { agencyHasStep } from '../../persistence/identity/instance-access.js';
import type { Organisation } from '../../persistence/identity/organisation.js';
import { hasRole } from '../../identity/task-access.js';
import { notFound } from '../../shared/domain-error.js';
import { dossierExists, dossierScope } from '../../persistence/dossiers/dossier-rows.js';

/**
 * Who may see a dossier and its files: its agency's people (a partner agency of an inter-agency
 * procedure once it has a step of it), managers and admins — the rule of GET /api/dossiers/{code}.
 * Anyone else is told the dossier does not exist.
 */
export async function assertMaySeeDossier(db: Database, organisation: Organisation, actor: Actor, code: string): Promise<void> {
  if (hasRole(actor, 'admin') || hasRole(actor, 'manager') || hasRole(actor, 'system')) {
    if (!(await dossierExists(db, code))) throw notFound('Dossier', code);
    return;
  }
  const agency = await organisation.agencyOf(actor.departmentCode);
  const row = await dossierScope(db, code);
  if (!row || !agency) throw notFound('Dossier', code);
  if (row.agency_code === agency) return;
  if (!(await agencyHasStep(db, agency, row.instance_id))) throw notFound('Dossier', code);
}
