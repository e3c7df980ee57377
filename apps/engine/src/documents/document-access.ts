import type { Actor } from '../commands/command.js';
import type { Organisation } from '../persistence/identity/organisation.js';

/** Roles that see every agency's documents. */
const SEE_ALL = ['admin', 'manager'];

/**
 * Who may print an agency's documents: admins and managers, and any user whose department lies
 * in that agency's department tree (the agency being the tree's root). Everyone else is told
 * "not found", so dossier codes of other agencies can't be probed.
 */
export class DocumentAccess {
  constructor(private readonly organisation: Organisation) {}

  async canSee(actor: Actor, agencyCode: string): Promise<boolean> {
    if (actor.roles.some((r) => SEE_ALL.includes(r))) return true;
    return (await this.organisation.agencyOf(actor.departmentCode)) === agencyCode;
  }

  /** The agency whose register a user prints by default: the root of their department tree. */
  async agencyOf(actor: Actor): Promise<string | undefined> {
    return (await this.organisation.agencyOf(actor.departmentCode)) ?? undefined;
  }
}
