import { conflict } from '../shared/domain-error.js';
import { taskAccess } from '../identity/task-access.js';
import type { Command, CommandContext } from './command.js';
import { lockOpenTask } from './task-lookup.js';
import { checkVariables } from './variables.js';

/** Completes a task with the variables the officer submitted and runs on to the next wait states. */
export class CompleteTask implements Command<{ openedTaskIds: string[] }> {
  readonly name = 'complete-task';

  constructor(
    private readonly taskId: string,
    private readonly variables: Record<string, unknown> = {},
  ) {}

  /** Returns the tasks this completion opened (the next steps), so a caller can go straight on. */
  async execute(ctx: CommandContext): Promise<{ openedTaskIds: string[] }> {
    checkVariables(this.variables);
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    taskAccess.assertMayWork(ctx.actor, task);
    if (task.suspended) throw conflict('the dossier waits for the applicant’s supplement; record its arrival first');
    const token = state.executions.get(task.executionId)!;
    const rt = ctx.runtime;
    const fromState = { assignee: task.assignee, elementId: task.elementId };
    if (!task.assignee && ctx.actor.username !== 'system') task.assignee = ctx.actor.username;
    rt.endTask(state, task, 'completed', ctx.actor.username);
    await ctx.audit({ operation: 'complete', entityType: 'task', entityId: task.id, instanceId: state.id, fromState, details: { variables: Object.keys(this.variables) } });
    await rt.trigger(state, token, { variables: this.variables, actor: ctx.actor.username });
    return { openedTaskIds: rt.events.flatMap((e) => (e.type === 'task.created' ? [e.task.id] : [])) };
  }
}
