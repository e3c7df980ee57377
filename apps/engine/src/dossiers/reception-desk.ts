import type { Actor } from '../commands/command.js';
import type { FlowNode, ProcedureGraph } from '../model/procedure-graph.js';
import type { Sql } from '../persistence/database.js';
import { badInput, forbidden, type ErrorDetail } from '../shared/domain-error.js';
import { agencyOfDepartment } from '../persistence/identity/department-tree.js';

/** The first step a dossier reaches from the procedure's none start event: the desk that receives it. */
export function entryStep(graph: ProcedureGraph): FlowNode | undefined {
  const starts = graph.startEventIds.map((id) => graph.nodes.get(id)!).filter((n) => n.event === 'none');
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const node = queue.shift()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    if ((node.type === 'userTask' || node.type === 'manualTask') && node.step.departmentCode) return node;
    for (const flowId of node.outgoing) {
      const next = graph.nodes.get(graph.flows.get(flowId)?.targetId ?? '');
      if (next) queue.push(next);
    }
  }
  return undefined;
}

/** Whose desk receives a procedure: the agency that owns it, and the agency of its first step (an inter-agency entry). */
export async function receivingAgencies(sql: Pick<Sql, 'query'>, graph: ProcedureGraph): Promise<{ owner: string | undefined; entry: string | undefined }> {
  const entry = await agencyOfDepartment(sql, entryStep(graph)?.step.departmentCode);
  return { owner: graph.procedure.agencyCode ?? entry, entry };
}

/**
 * Reception per agency (issue #18): a desk receives its own agency's procedures and the
 * inter-agency ones it is the entry of — a Department of Health officer can't open an
 * Agriculture dossier. Administrators and the engine itself (imports, demo history) may.
 */
export async function assertMayReceive(sql: Pick<Sql, 'query'>, actor: Actor, graph: ProcedureGraph, procedureKey: string): Promise<void> {
  if (actor.roles.includes('admin') || actor.roles.includes('system')) return;
  const mine = await agencyOfDepartment(sql, actor.departmentCode);
  const { owner, entry } = await receivingAgencies(sql, graph);
  if (mine && (mine === owner || mine === entry)) return;
  throw forbidden(`${procedureKey} is received at the desk of ${owner ?? 'another agency'}${mine ? `, not ${mine}` : ''}`);
}

/**
 * The documents the desk checked off, against the procedure's list: every id must be one the
 * procedure declares, and every required one must be there (a dossier lacking one is refused
 * or asked for a supplement, not received). Returns them as form 01 lists them.
 */
export function checkComponents(graph: ProcedureGraph, received: string[]): { id: string; name: string; copies: string | null }[] {
  const declared = graph.procedure.components ?? [];
  const problems: ErrorDetail[] = [];
  for (const id of received) if (!declared.some((c) => c.id === id)) problems.push({ field: 'components', message: `"${id}" is not a component of this procedure` });
  const missing = declared.filter((c) => c.required && !received.includes(c.id));
  if (missing.length) problems.push({ field: 'components', message: `missing required components: ${missing.map((c) => c.name).join('; ')}` });
  if (problems.length) throw badInput(`the dossier's components do not match the procedure: ${problems.map((p) => p.message).join('; ')}`, problems);
  return declared.filter((c) => received.includes(c.id)).map((c) => ({ id: c.id, name: c.name, copies: c.copies ?? null }));
}
