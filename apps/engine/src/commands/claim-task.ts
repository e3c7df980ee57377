import { taskAccess } from '../identity/task-access.js';
import { conflict } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { lockOpenTask } from './task-lookup.js';

/** Takes a candidate task of one's department for oneself. */
export class ClaimTask implements Command<void> {
  readonly name = 'claim-task';
  constructor(private readonly taskId: string) {}

  async execute(ctx: CommandContext): Promise<void> {
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    if (task.assignee === ctx.actor.username) return;
    if (state.instance.suspended) throw conflict('the dossier is suspended by an administrator; its steps can be taken again once resumed');
    if (task.assignee) throw conflict(`task is already claimed by ${task.assignee}`);
    taskAccess.assertMayWork(ctx.actor, task);
    task.assignee = ctx.actor.username;
    task.revision += 1;
    ctx.runtime.history.updateActivity(state.instance, task.activityInstanceId, { assignee: task.assignee });
    await ctx.audit({ operation: 'claim', entityType: 'task', entityId: task.id, instanceId: state.id, fromState: { assignee: null } });
  }
}

/** Gives a claimed task back to the department's candidates. */
export class UnclaimTask implements Command<void> {
  readonly name = 'unclaim-task';
  constructor(private readonly taskId: string) {}

  async execute(ctx: CommandContext): Promise<void> {
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    const isLeader = ctx.actor.roles.includes('leader') && ctx.actor.departmentCode === task.departmentCode;
    // The claimer (or, as a no-op, a candidate) releases it; the department's leader or an admin may too.
    if (!isLeader && !ctx.actor.roles.includes('admin')) taskAccess.assertMayWork(ctx.actor, task);
    if (!task.assignee) return;
    const fromState = { assignee: task.assignee };
    task.assignee = null;
    task.revision += 1;
    ctx.runtime.history.updateActivity(state.instance, task.activityInstanceId, { assignee: null });
    await ctx.audit({ operation: 'unclaim', entityType: 'task', entityId: task.id, instanceId: state.id, fromState });
  }
}
