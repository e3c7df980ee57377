import { conflict } from '../shared/domain-error.js';
import { taskAccess } from '../identity/task-access.js';
import { checkSubmission } from '../forms/form-submission.js';
import { officersFor } from '../queries/forms/officer-candidates.js';
import { assignedStep, stepForm } from '../forms/step-form.js';
import type { Command, CommandContext } from './command.js';
import { lockOpenTask } from './task-lookup.js';
import { checkVariables } from './variables.js';

export interface CompleteOptions {
  /** The officer's opinion (ý kiến) on the step, kept in the control sheet. */
  opinion?: string | null;
}

/** Completes a task with the variables the officer submitted and runs on to the next wait states. */
export class CompleteTask implements Command<{ openedTaskIds: string[] }> {
  readonly name = 'complete-task';

  constructor(
    private readonly taskId: string,
    private readonly variables: Record<string, unknown> = {},
    private readonly options: CompleteOptions = {},
  ) {}

  /** Returns the tasks this completion opened (the next steps), so a caller can go straight on. */
  async execute(ctx: CommandContext): Promise<{ openedTaskIds: string[] }> {
    checkVariables(this.variables);
    const { state, task } = await lockOpenTask(ctx, this.taskId);
    taskAccess.assertMayWork(ctx.actor, task);
    if (state.instance.suspended) throw conflict('the dossier is suspended by an administrator; it can be worked again once resumed');
    if (task.suspended) throw conflict('the dossier waits for the applicant’s supplement; record its arrival first');
    const rt = ctx.runtime;
    const graph = rt.graphOf(state);
    const node = graph.nodes.get(task.elementId);
    if (node) {
      // The step's form first: a missing decision is the officer's to fix (400), not the gateway's (422).
      const form = stepForm(graph, node);
      const officers = new Map<string, Set<string>>();
      for (const field of form.fields) {
        const target = field.type === 'officer' && field.variable in this.variables ? assignedStep(graph, field) : undefined;
        if (target) officers.set(field.variable, new Set((await officersFor(ctx.sql, target)).map((o) => o.username)));
      }
      checkSubmission(form, this.variables, state.variables, officers);
    }
    const token = state.executions.get(task.executionId)!;
    if (!task.assignee && ctx.actor.username !== 'system') task.assignee = ctx.actor.username;
    const opinion = this.options.opinion?.trim() || null;
    // No audit row: a completion is the officer's ordinary work, and the history records all of
    // it — the step's row (who ended it, when, outcome, opinion) and a variable-update row per
    // value submitted, under the officer's name. That history is partitioned and kept for the
    // procedure's retention period; the audit log is never cleaned, so a row per completion
    // there would grow it without end while saying nothing new (docs/history-retention.md).
    rt.endTask(state, task, 'completed', ctx.actor.username, opinion);
    await rt.trigger(state, token, { variables: this.variables, actor: ctx.actor.username });
    return { openedTaskIds: rt.events.flatMap((e) => (e.type === 'task.created' ? [e.task.id] : [])) };
  }
}
