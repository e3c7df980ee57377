import { conflict, notFound } from '../shared/domain-error.js';
import type { InstanceState } from '../runtime/instance-state.js';
import type { TaskRow } from '../runtime/rows.js';
import type { CommandContext } from './command.js';
import { taskHistory } from '../persistence/history/task-history.js';

/**
 * Finds an open task and locks its instance. A task that is gone by the time the lock is held
 * was finished by a concurrent command: that is a 409, not a 404.
 */
export async function lockOpenTask(ctx: CommandContext, taskId: string): Promise<{ state: InstanceState; task: TaskRow }> {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound('Task', taskId);
  const state = await ctx.runtime.loadByTask(taskId);
  const task = state?.tasks.get(taskId);
  if (!state || !task) {
    const past = await taskHistory.outcomeOf(ctx.sql, taskId);
    if (past) throw conflict(`task ${taskId} is already ${past.outcome ?? 'closed'}`);
    throw notFound('Task', taskId);
  }
  return { state, task };
}
