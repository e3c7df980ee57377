import type { ProcedureGraph } from '../model/procedure-graph.js';

/** The step that returns the result: every flow out of it goes straight to an end event. */
export function isFinalStep(graph: ProcedureGraph, elementId: string): boolean {
  const node = graph.nodes.get(elementId);
  if (!node || node.outgoing.length === 0) return false;
  return node.outgoing.every((flowId) => {
    const flow = graph.flows.get(flowId);
    return flow !== undefined && graph.nodes.get(flow.targetId)?.type === 'endEvent';
  });
}
