import type { Actor } from '../commands/command.js';
import type { Database } from '../persistence/database.js';

/** Roles that see every agency's documents. */
const SEE_ALL = ['admin', 'manager'];

/**
 * Who may print an agency's documents: admins and managers, and any user whose department is
 * that agency or lies under it in the department tree. Everyone else is told "not found", so
 * dossier codes of other agencies can't be probed.
 */
export class DocumentAccess {
  constructor(private readonly db: Database) {}

  async canSee(actor: Actor, agencyCode: string): Promise<boolean> {
    if (actor.roles.some((r) => SEE_ALL.includes(r))) return true;
    if (!actor.departmentCode) return false;
    const [row] = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT code, parent_code, 0 AS depth FROM department WHERE code = $1
         UNION ALL SELECT d.code, d.parent_code, up.depth + 1 FROM department d JOIN up ON d.code = up.parent_code WHERE up.depth < 32)
       SELECT 1 FROM up WHERE code = $2 LIMIT 1`,
      [actor.departmentCode, agencyCode],
    );
    return row !== undefined;
  }

  /** The root of the actor's department tree: the agency whose book they print by default. */
  async agencyOf(actor: Actor): Promise<string | undefined> {
    if (!actor.departmentCode) return undefined;
    const [row] = await this.db.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT code, parent_code, 0 AS depth FROM department WHERE code = $1
         UNION ALL SELECT d.code, d.parent_code, up.depth + 1 FROM department d JOIN up ON d.code = up.parent_code WHERE up.depth < 32)
       SELECT code FROM up ORDER BY depth DESC LIMIT 1`,
      [actor.departmentCode],
    );
    return row?.code;
  }
}
