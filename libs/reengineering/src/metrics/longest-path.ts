import type { FlowWalk } from './flow-walk.js';
import type { StepGraph, StepGraphNode } from './step-graph.js';

/** The working days a node contributes on a path; sub-processes and call activities decide their own. */
export type NodeDays = (node: StepGraphNode) => number;

/**
 * The longest path of one scope (the process or a sub-process): the greatest sum of node days
 * along a path from a start to an end (a node with nothing after it), following every branch —
 * parallel ones too: the slowest branch decides. Each node is taken once: a flow back to a node
 * already on the path (a rework loop) is not followed, so a path that can only go on by looping
 * back never reaches an end and does not count.
 */
export function longestPathDays(graph: StepGraph, walk: FlowWalk, scopeId: string, days: NodeDays): number {
  const best = new Map<string, number>();
  const onPath = new Set<string>();

  const visit = (id: string): number => {
    const known = best.get(id);
    if (known !== undefined) return known;
    onPath.add(id);
    const successors = walk.successorsInScope(id);
    // -Infinity: every way on loops back, no end reachable from here on this walk.
    let after = successors.length === 0 ? 0 : -Infinity;
    for (const next of successors) {
      if (!onPath.has(next)) after = Math.max(after, visit(next));
    }
    onPath.delete(id);
    const node = graph.nodes.get(id);
    const total = (node ? days(node) : 0) + after;
    best.set(id, total);
    return total;
  };

  const longest = Math.max(-Infinity, ...walk.entries(scopeId).map(visit));
  return Number.isFinite(longest) ? longest : 0;
}
