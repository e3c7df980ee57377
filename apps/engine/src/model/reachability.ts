import type { ProcedureGraph } from './procedure-graph.js';

/**
 * For each inclusive join: the nodes of its scope from which a token can still arrive without
 * passing through the join itself. A waiting join fires when no other token of its scope sits on
 * one of these nodes (docs/bpmn.md: "an inclusive join when no token can still reach it").
 */
export function computeInclusiveUpstream(graph: ProcedureGraph): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const join of graph.nodes.values()) {
    if (join.type !== 'inclusiveGateway' || join.incoming.length < 2) continue;
    const upstream = new Set<string>();
    const queue = join.incoming.map((fid) => graph.flows.get(fid)!.sourceId);
    while (queue.length) {
      const id = queue.pop()!;
      if (id === join.id || upstream.has(id)) continue;
      upstream.add(id);
      const n = graph.nodes.get(id);
      if (!n) continue;
      for (const fid of n.incoming) queue.push(graph.flows.get(fid)!.sourceId);
      // A token waiting on an activity may leave through one of its boundary events.
      if (n.type === 'boundaryEvent' && n.attachedToId) queue.push(n.attachedToId);
    }
    result.set(join.id, upstream);
  }
  return result;
}
