import { isStep, type FlowWalk } from './flow-walk.js';
import type { StepGraph } from './step-graph.js';

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
 * A step without a known department hands off to nobody (we can't tell).
 */
export function handoffsOf(graph: StepGraph, walk: FlowWalk): Handoff[] {
  const handoffs: Handoff[] = [];
  for (const step of graph.nodes.values()) {
    if (!isStep(step) || !step.step.departmentCode) continue;
    for (const nextId of walk.nextSteps(step.id)) {
      const next = graph.nodes.get(nextId)!;
      if (next.step.departmentCode && next.step.departmentCode !== step.step.departmentCode) {
        handoffs.push({ from: step.id, to: nextId });
      }
    }
  }
  return handoffs;
}
