/** How urgent a step is, for the colour of its row. */
export type DueState = 'overdue' | 'soon' | 'ok' | 'none';

/**
 * Overdue is the engine's verdict when it gives one (its clock is the one that counts);
 * "soon" means due before the end of the next working day from now, as the calendar says.
 */
export function dueState(task: { dueAt: string | null; overdue?: boolean }, now: Date, soonLimit: Date | null): DueState {
  if (!task.dueAt) return 'none';
  const due = new Date(task.dueAt).getTime();
  const overdue = task.overdue ?? due < now.getTime();
  if (overdue) return 'overdue';
  if (soonLimit && due <= soonLimit.getTime()) return 'soon';
  return 'ok';
}
