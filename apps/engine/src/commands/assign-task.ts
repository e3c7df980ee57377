import { taskAccess } from '../identity/task-access.js';
import { badInput } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { lockOpenTask } from './task-lookup.js';
import { userStore } from '../persistence/identity/user-store.js';

/** A department's leader hands a task to a named officer of that department. */
export class AssignTask implements Command<void> {
  readonly name = 'assign-task';
  constructor(
    private readonly taskId: string,
    private readonly username: string,
  ) {}

  async execute(ctx: CommandContext): Promise<void> {
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    taskAccess.assertMayAssign(ctx.actor, task);
    const user = await userStore.standing(ctx.sql, this.username);
    if (!user || !user.active) throw badInput(`no active user ${this.username}`, [{ field: 'username', message: 'unknown user' }]);
    if (user.department_code !== task.departmentCode) {
      throw badInput(`${this.username} is not in ${task.departmentCode}`, [{ field: 'username', message: 'must belong to the task’s department' }]);
    }
    const fromState = { assignee: task.assignee };
    task.assignee = this.username;
    task.revision += 1;
    ctx.runtime.history.updateActivity(state.instance, task.activityInstanceId, { assignee: task.assignee });
    await ctx.audit({ operation: 'assign', entityType: 'task', entityId: task.id, instanceId: state.id, fromState, details: { to: this.username } });
  }
}
