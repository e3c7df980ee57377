import { taskAccess } from '../identity/task-access.js';
import { conflict } from '../shared/domain-error.js';
import { isLoopInstance } from '../runtime/operations/multi-instance.js';
import type { Command, CommandContext } from './command.js';
import { lockOpenTask } from './task-lookup.js';

export interface ReturnResult {
  returnedTo: string;
  taskId: string;
}

/**
 * Sends the dossier back to the step that handed it over: the token really moves back (the
 * current task ends as `returned`, the previous step opens again for the person who did it),
 * and the reason is kept in the audit log and as the variable `returnReason`.
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
    if (task.suspended) throw conflict('the dossier waits for the applicant’s supplement; record its arrival first');
    const rt = ctx.runtime;
    const token = state.executions.get(task.executionId)!;
    const graph = rt.graphOf(state);
    // One department's answer in a consultation is not the dossier's step: it has no previous step to go back to.
    if (isLoopInstance(state, token)) throw conflict(`${task.elementId} is one instance of a multi-instance step; complete it (with your opinion) instead of returning the dossier`);
    // The previous step: the last task of this instance completed before this one was created,
    // in the same scope (a return never jumps into or out of a sub-process).
    const candidates = await ctx.sql.query<{ element_id: string; ended_by: string | null; assignee: string | null }>(
      `SELECT element_id, ended_by, assignee FROM hist_task_instance
       WHERE instance_id = $1 AND outcome = 'completed' AND ended_at <= $2 AND element_id <> $3
       ORDER BY ended_at DESC, created_at DESC LIMIT 10`,
      [state.id, task.createdAt, task.elementId],
    );
    const previous = candidates.find((c) => graph.nodes.get(c.element_id)?.scopeId === graph.nodes.get(task.elementId)?.scopeId);
    if (!previous) throw conflict(`${task.elementId} is the first step: there is no previous step to return the dossier to`);
    const fromState = { elementId: task.elementId, assignee: task.assignee };
    rt.endTask(state, task, 'returned', ctx.actor.username);
    rt.closeActivity(state, token, 'completed');
    rt.disarm(state, token);
    rt.setVariables(state, { returnReason: this.reason }, task.elementId);
    rt.schedule('enter', () => rt.enter(state, token, previous.element_id, null));
    await rt.run();
    const reopened = [...state.tasks.values()].find((t) => t.executionId === token.id && t.elementId === previous.element_id);
    if (reopened) {
      reopened.assignee = previous.assignee ?? previous.ended_by;
      rt.history.updateTask(reopened.id, { assignee: reopened.assignee });
      rt.history.updateActivity(reopened.activityInstanceId, { assignee: reopened.assignee });
    }
    await ctx.audit({ operation: 'return', entityType: 'task', entityId: task.id, instanceId: state.id, fromState, details: { reason: this.reason, to: previous.element_id } });
    return { returnedTo: previous.element_id, taskId: reopened?.id ?? '' };
  }
}
