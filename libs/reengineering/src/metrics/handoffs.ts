import { isStep, type FlowWalk } from './flow-walk.js';
import type { StepGraph, StepGraphNode } from './step-graph.js';

export interface Handoff {
  from: string;
  to: string;
}

/**
 * Hand-offs: the distinct pairs (step A, step B) where B is a *next step* of A and the two belong
 * to different departments. Steps are user tasks, manual tasks and call activities; B is a next
 * step of A when a token leaving A (by a sequence flow or a boundary event) can reach B without
 * passing through another step — only through gateways, events, automated tasks and
 * sub-process borders. Each pair counts once, however many paths join it, so a linear procedure
 * counts its department changes along the chain and a branch adds one pair per branch start.
 * A step without a known department hands off to nobody (we can't tell). A multi-instance step
 * counts once, whatever its number of instances, with the departments the diagram lists for it.
 */
export function handoffsOf(graph: StepGraph, walk: FlowWalk): Handoff[] {
  const handoffs: Handoff[] = [];
  for (const step of graph.nodes.values()) {
    const from = departmentsOf(step);
    if (!isStep(step) || from.length === 0) continue;
    for (const nextId of walk.nextSteps(step.id)) {
      const to = departmentsOf(graph.nodes.get(nextId)!);
      // A consultation (multi-instance) goes to all its departments at once: one hand-off pair.
      if (to.length > 0 && (to.length !== from.length || to.some((d) => !from.includes(d)))) {
        handoffs.push({ from: step.id, to: nextId });
      }
    }
  }
  return handoffs;
}

/** The departments a step is worked in: its own, or the instances' of a multi-instance step. */
export function departmentsOf(node: StepGraphNode): readonly string[] {
  return node.step.departmentCodes ?? (node.step.departmentCode ? [node.step.departmentCode] : []);
}
