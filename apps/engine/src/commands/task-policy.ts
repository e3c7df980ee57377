import type { TaskRow } from '../runtime/rows.js';
import type { Actor } from './command.js';

/** Who may act on a task; the departments issue supplies the real rules. */
export interface TaskPolicy {
  assertMayComplete(actor: Actor, task: TaskRow): void;
}
