import { taskAccess } from '../identity/task-access.js';
import { conflict } from '../shared/domain-error.js';
import { isLoopInstance } from '../runtime/operations/multi-instance.js';
import type { Command, CommandContext } from './command.js';
import { previousStepOf } from '../persistence/history/previous-step.js';
import { lockOpenTask } from './task-lookup.js';

export interface ReturnResult {
  returnedTo: string;
  taskId: string;
}

/**
 * Sends the dossier back to the step that handed it over: the token really moves back (the
 * current task ends as `returned`, the previous step opens again for the person who did it),
 * and the reason is kept with the returned step in history (the control sheet), in the audit log,
 * and as the variable `returnReason`; the dossier's listeners tell the dossier and the officer.
 */
export class ReturnTask implements Command<ReturnResult> {
  readonly name = 'return-task';
  constructor(
    private readonly taskId: string,
    private readonly reason: string,
  ) {}

  async execute(ctx: CommandContext): Promise<ReturnResult> {
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    taskAccess.assertMayWork(ctx.actor, task);
    if (state.instance.suspended) throw conflict('the dossier is suspended by an administrator; it can be worked again once resumed');
    if (task.suspended) throw conflict('the dossier waits for the applicant’s supplement; record its arrival first');
    const rt = ctx.runtime;
    const token = state.executions.get(task.executionId)!;
    const graph = rt.graphOf(state);
    // One department's answer in a consultation is not the dossier's step: it has no previous step to go back to.
    if (isLoopInstance(state, token)) throw conflict(`${task.elementId} is one instance of a multi-instance step; complete it (with your opinion) instead of returning the dossier`);
    const previous = await previousStepOf(ctx.sql, graph, { instanceId: state.id, elementId: task.elementId, createdAt: task.createdAt });
    if (!previous) throw conflict(`${task.elementId} is the first step: there is no previous step to return the dossier to`);
    const fromState = { elementId: task.elementId, assignee: task.assignee };
    rt.endTask(state, task, 'returned', ctx.actor.username, this.reason);
    rt.closeActivity(state, token, 'completed');
    rt.disarm(state, token);
    rt.setVariables(state, { returnReason: this.reason }, task.elementId);
    rt.schedule('enter', () => rt.enter(state, token, previous.elementId, null));
    await rt.run();
    const reopened = [...state.tasks.values()].find((t) => t.executionId === token.id && t.elementId === previous.elementId);
    if (reopened) {
      reopened.assignee = previous.assignee ?? previous.endedBy;
      rt.history.updateActivity(state.instance, reopened.activityInstanceId, { assignee: reopened.assignee });
    }
    await ctx.audit({ operation: 'return', entityType: 'task', entityId: task.id, instanceId: state.id, fromState, details: { reason: this.reason, to: previous.elementId } });
    return { returnedTo: previous.elementId, taskId: reopened?.id ?? '' };
  }
}
