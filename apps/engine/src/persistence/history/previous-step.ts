import type { ProcedureGraph } from '../../model/procedure-graph.js';
import type { Sql } from '../database.js';

export interface PreviousStep {
  elementId: string;
  name: string | null;
  endedBy: string | null;
  assignee: string | null;
}

/**
 * The step a return sends the dossier back to: the last task of this instance completed before
 * this one was created, in the same scope (a return never jumps into or out of a sub-process).
 * None for the first step — the page then offers no "return", and the command refuses it.
 */
export async function previousStepOf(
  sql: Pick<Sql, 'query'>,
  graph: ProcedureGraph,
  task: { instanceId: string; elementId: string; createdAt: Date },
): Promise<PreviousStep | undefined> {
  const candidates = await sql.query<{ element_id: string; name: string | null; ended_by: string | null; assignee: string | null }>(
    `SELECT element_id, name, ended_by, assignee FROM hist_task_instance
     WHERE instance_id = $1 AND history_month = (SELECT od_history_month(started_at) FROM process_instance WHERE id = $1) AND outcome = 'completed' AND ended_at <= $2 AND element_id <> $3
     ORDER BY ended_at DESC, created_at DESC LIMIT 10`,
    [task.instanceId, task.createdAt, task.elementId],
  );
  const scope = graph.nodes.get(task.elementId)?.scopeId;
  const found = candidates.find((c) => graph.nodes.get(c.element_id)?.scopeId === scope);
  return found ? { elementId: found.element_id, name: found.name, endedBy: found.ended_by, assignee: found.assignee } : undefined;
}
