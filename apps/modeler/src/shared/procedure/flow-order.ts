import { is, type ModdleElement } from './moddle-element.js';

/**
 * The flow nodes of one process or sub-process in the order a reader follows them from the
 * start event, the way agencies number their steps.
 *
 * A plain walk would number the steps after a join before the join's second branch, so the
 * order is topological (a node after all its predecessors), with ties broken by a reading
 * rank: depth-first along sequence flows from the start events, then the exceptional paths
 * leaving boundary events, then whatever no start reaches, in document order. Loops ("return
 * to the previous step") would stall a topological sort; when nothing on the path is ready,
 * the best-ranked node already reached from an emitted one goes next.
 */
export function orderFlowNodes(container: ModdleElement): ModdleElement[] {
  const flowElements: ModdleElement[] = container.flowElements ?? [];
  const nodes = flowElements.filter((element) => is(element, 'bpmn:FlowNode'));
  const known = new Set(nodes);
  const flowTargets = new Map<ModdleElement, ModdleElement[]>(nodes.map((node) => [node, []]));
  for (const flow of flowElements) {
    if (is(flow, 'bpmn:SequenceFlow') && known.has(flow.sourceRef) && known.has(flow.targetRef)) {
      addUnique(flowTargets.get(flow.sourceRef)!, flow.targetRef);
    }
  }
  const boundaryEvents = nodes.filter((node) => is(node, 'bpmn:BoundaryEvent') && known.has(node.attachedToRef));

  const { rank, entries } = readingRank(nodes, flowTargets, boundaryEvents);

  // the host activity precedes its boundary events
  const successors = new Map(flowTargets);
  for (const event of boundaryEvents) {
    successors.set(event.attachedToRef, [...successors.get(event.attachedToRef)!, event]);
  }
  return topologicalOrder(nodes, successors, rank, entries);
}

function readingRank(
  nodes: ModdleElement[],
  flowTargets: Map<ModdleElement, ModdleElement[]>,
  boundaryEvents: ModdleElement[],
): { rank: Map<ModdleElement, number>; entries: ModdleElement[] } {
  const rank = new Map<ModdleElement, number>();
  const walk = (root: ModdleElement) => {
    // iterative: long procedures must not depend on the call stack
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (rank.has(node)) continue;
      rank.set(node, rank.size);
      // reversed so the first outgoing flow is walked first
      stack.push(...[...flowTargets.get(node)!].reverse());
    }
  };
  const starts = nodes.filter((node) => is(node, 'bpmn:StartEvent'));
  const targets = new Set([...flowTargets.values()].flat());
  const entries = starts.length
    ? starts
    : nodes.filter((node) => !targets.has(node) && !is(node, 'bpmn:BoundaryEvent'));
  entries.forEach(walk);

  const unranked = Number.MAX_SAFE_INTEGER;
  [...boundaryEvents]
    .sort((a, b) => (rank.get(a.attachedToRef) ?? unranked) - (rank.get(b.attachedToRef) ?? unranked))
    .forEach(walk);
  nodes.forEach(walk);
  return { rank, entries };
}

function topologicalOrder(
  nodes: ModdleElement[],
  successors: Map<ModdleElement, ModdleElement[]>,
  rank: Map<ModdleElement, number>,
  entries: ModdleElement[],
): ModdleElement[] {
  const waitingFor = new Map<ModdleElement, number>(nodes.map((node) => [node, 0]));
  for (const targets of successors.values()) {
    for (const target of targets) waitingFor.set(target, waitingFor.get(target)! + 1);
  }
  const byRank = (a: ModdleElement, b: ModdleElement) => rank.get(a)! - rank.get(b)!;
  const emitted = new Set<ModdleElement>();
  const reached = new Set<ModdleElement>(entries);
  const ordered: ModdleElement[] = [];

  while (ordered.length < nodes.length) {
    const pending = nodes.filter((node) => !emitted.has(node)).sort(byRank);
    // ready on the path from a start; else break a loop at the best-ranked reached node;
    // only then the disconnected leftovers
    const next =
      pending.find((node) => waitingFor.get(node)! <= 0 && reached.has(node)) ??
      pending.find((node) => reached.has(node)) ??
      pending.find((node) => waitingFor.get(node)! <= 0) ??
      pending[0];
    emitted.add(next);
    ordered.push(next);
    for (const target of successors.get(next) ?? []) {
      waitingFor.set(target, waitingFor.get(target)! - 1);
      reached.add(target);
    }
  }
  return ordered;
}

function addUnique(list: ModdleElement[], node: ModdleElement): void {
  if (!list.includes(node)) list.push(node);
}
