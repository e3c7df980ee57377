import type { Actor } from '../../identity/actor.js';
import type { Database } from '../database.js';
import { notFound } from '../../shared/domain-error.js';
import type { Organisation } from './organisation.js';
import { hasRole } from '../../identity/task-access.js';

/**
 * Who may read a process instance (its variables are the dossier's data): designers, managers
 * and admins; otherwise people of an agency that has, or had, a step of it, or whose dossier it is.
 * Anyone else gets the same 404 as for an unknown id.
 */
export async function assertMaySeeInstance(db: Database, organisation: Organisation, actor: Actor, instanceId: string): Promise<void> {
  if (['admin', 'manager', 'designer', 'system'].some((r) => hasRole(actor, r))) return;
  const agency = await organisation.agencyOf(actor.departmentCode);
  if (agency && /^[0-9a-f-]{36}$/i.test(instanceId)) {
    const [visible] = await db.query(
      `WITH root AS (SELECT root_instance_id AS id FROM process_instance WHERE id = $1),
            mine AS (SELECT code FROM department WHERE code = $2 OR parent_code = $2)
       SELECT 1 WHERE EXISTS (SELECT 1 FROM dossier d, root WHERE d.instance_id = root.id AND d.agency_code = $2)
          OR EXISTS (SELECT 1 FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id AND h.history_month = od_history_month(p.started_at), root
                     WHERE p.root_instance_id = root.id AND h.department_code IN (SELECT code FROM mine))`,
      [instanceId, agency],
    );
    if (visible) return;
  }
  throw notFound('Process instance', instanceId);
}

/** Whether an agency has, or had, a step of this instance's process tree (a partner agency). */
export async function agencyHasStep(db: Database, agency: string | null, instanceId: string): Promise<boolean> {
  if (!agency) return false;
  const [row] = await db.query(
    `SELECT 1 FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id AND h.history_month = od_history_month(p.started_at)
     WHERE p.root_instance_id = (SELECT root_instance_id FROM process_instance WHERE id = $1)
       AND h.department_code IN (SELECT code FROM department WHERE code = $2 OR parent_code = $2) LIMIT 1`,
    [instanceId, agency],
  );
  return row !== undefined;
}
