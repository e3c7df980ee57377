import type { Actor } from './actor.js';
import type { TaskScope } from '../queries/task-queries.js';
import { forbidden } from '../shared/domain-error.js';

/** The facts about a task that decide who may see and work it. */
export interface TaskFacts {
  departmentCode: string | null;
  role: string | null;
  assignee: string | null;
}

export const hasRole = (actor: Actor, role: string) => actor.roles.includes(role);

/**
 * Who sees and works which task (issue #3). An officer works the tasks of their own department
 * whose step role they hold; a leader sees all of their department's tasks and hands them out;
 * an admin sees everything, for support. Nobody completes a task someone else has claimed.
 */
export const taskAccess = {
  /** The inbox a user may list. */
  scopeFor(actor: Actor): TaskScope | undefined {
    if (hasRole(actor, 'admin') || hasRole(actor, 'system')) return { all: true };
    if (!actor.departmentCode) return undefined;
    if (hasRole(actor, 'leader')) return { departmentCode: actor.departmentCode };
    if (hasRole(actor, 'officer')) return { departmentCode: actor.departmentCode, roles: actor.roles };
    return undefined;
  },

  canSee(actor: Actor, task: TaskFacts): boolean {
    const scope = this.scopeFor(actor);
    if (!scope) return false;
    if ('all' in scope) return true;
    if (task.departmentCode !== scope.departmentCode) return false;
    return !scope.roles || task.role === null || scope.roles.includes(task.role);
  },

  /** Claim, complete, return, request a supplement: a candidate officer of the task's department and role. */
  assertMayWork(actor: Actor, task: TaskFacts): void {
    if (hasRole(actor, 'system')) return;
    const member = actor.departmentCode !== null && actor.departmentCode === task.departmentCode;
    const holdsRole = task.role === null || hasRole(actor, task.role) || hasRole(actor, 'leader');
    if (!member || !holdsRole || !(hasRole(actor, 'officer') || hasRole(actor, 'leader'))) {
      throw forbidden(`this task belongs to ${task.departmentCode ?? 'no department'}${task.role ? ` (${task.role})` : ''}`);
    }
    if (task.assignee && task.assignee !== actor.username) throw forbidden(`this task is claimed by ${task.assignee}`);
  },

  /** Assign to a named officer: the department's leader (or an admin). */
  assertMayAssign(actor: Actor, task: TaskFacts): void {
    if (hasRole(actor, 'admin') || hasRole(actor, 'system')) return;
    if (hasRole(actor, 'leader') && actor.departmentCode === task.departmentCode) return;
    throw forbidden('only the leader of the task’s department can assign it');
  },
};
