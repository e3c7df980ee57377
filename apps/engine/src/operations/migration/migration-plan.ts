import type { FlowNode, ProcedureGraph } from '../../model/procedure-graph.js';
import type { Definition } from '../../runtime/ports.js';
import { badInput } from '../../shared/domain-error.js';
import type { MigrationInstruction, MigrationPlan } from '@onedoor/contract';

/** Node types where a token can be found at rest between two commands. */
const RESTING: ReadonlySet<FlowNode['type']> = new Set([
  'userTask', 'manualTask', 'receiveTask', 'callActivity', 'subProcess', 'intermediateCatchEvent', 'eventBasedGateway', 'parallelGateway', 'inclusiveGateway', 'task',
]);

export const isResting = (node: FlowNode | undefined): boolean => node !== undefined && RESTING.has(node.type);

/**
 * Proposes a mapping of every step where a token may rest: a step the target keeps (same id,
 * same type) maps to itself; a step the target lacks — removed by simplification — maps to the
 * first step after it in the source graph that the target keeps (breadth first, so the nearest).
 */
export function proposePlan(source: Definition, target: Definition): MigrationPlan {
  const instructions: MigrationInstruction[] = [];
  for (const node of source.graph.nodes.values()) {
    if (!isResting(node)) continue;
    const kept = target.graph.nodes.get(node.id);
    if (kept && kept.type === node.type && scopeKept(source.graph, target.graph, node, kept)) {
      instructions.push({ sourceActivityId: node.id, targetActivityId: node.id, kind: 'same', sourceName: node.name ?? null, targetName: kept.name ?? null });
      continue;
    }
    const successor = successorKept(source.graph, target.graph, node);
    instructions.push({
      sourceActivityId: node.id,
      targetActivityId: successor?.id ?? null,
      kind: successor ? 'successor' : 'none',
      sourceName: node.name ?? null,
      targetName: successor?.name ?? null,
    });
  }
  return { sourceDefinitionId: source.id, targetDefinitionId: target.id, instructions };
}

/** The nearest step after `from` (following sequence flows in the source) that the target keeps with its type. */
function successorKept(source: ProcedureGraph, target: ProcedureGraph, from: FlowNode): FlowNode | undefined {
  const seen = new Set([from.id]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: FlowNode[] = [];
    for (const node of frontier) {
      for (const flowId of node.outgoing) {
        const candidate = source.nodes.get(source.flows.get(flowId)!.targetId)!;
        if (seen.has(candidate.id)) continue;
        seen.add(candidate.id);
        const kept = target.nodes.get(candidate.id);
        if (isResting(candidate) && kept && kept.type === candidate.type && scopeKept(source, target, candidate, kept)) return kept;
        next.push(candidate);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** A step stays in the same scope: the process itself, or the sub-process of the same id. */
function scopeKept(source: ProcedureGraph, target: ProcedureGraph, node: FlowNode, kept: FlowNode): boolean {
  if (node.scopeId === source.key) return kept.scopeId === target.key;
  return kept.scopeId === node.scopeId;
}

/**
 * Checks a plan an administrator may have edited: both versions as named, every instruction
 * from a step of the source to a step of the same type on the target (or to nowhere).
 */
export function checkPlan(plan: MigrationPlan, source: Definition, target: Definition): Map<string, string | null> {
  const mapping = new Map<string, string | null>();
  if (!Array.isArray(plan.instructions)) throw badInput('plan.instructions must be a list', [{ field: 'plan.instructions', message: 'a list of { sourceActivityId, targetActivityId }' }]);
  plan.instructions.forEach((instruction, i) => {
    const field = `plan.instructions[${i}]`;
    const from = source.graph.nodes.get(instruction?.sourceActivityId);
    if (!from) throw badInput(`${field}.sourceActivityId is not a step of ${source.id}`, [{ field: `${field}.sourceActivityId`, message: `a step of ${source.id}` }]);
    if (mapping.has(from.id)) throw badInput(`${field}: ${from.id} is mapped twice`, [{ field: `${field}.sourceActivityId`, message: 'map each step once' }]);
    const targetId = instruction.targetActivityId ?? null;
    if (targetId !== null) {
      const to = target.graph.nodes.get(targetId);
      if (!to) throw badInput(`${field}.targetActivityId is not a step of ${target.id}`, [{ field: `${field}.targetActivityId`, message: `a step of ${target.id}` }]);
      if (to.type !== from.type) throw badInput(`${field}: a ${from.type} can't become a ${to.type}`, [{ field: `${field}.targetActivityId`, message: `a ${from.type} of ${target.id}` }]);
      if (!scopeKept(source.graph, target.graph, from, to)) throw badInput(`${field}: ${to.id} lies in another scope`, [{ field: `${field}.targetActivityId`, message: 'a step in the same (sub-)process' }]);
    }
    mapping.set(from.id, targetId);
  });
  return mapping;
}
