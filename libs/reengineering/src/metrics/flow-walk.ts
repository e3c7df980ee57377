import type { StepGraph, StepGraphNode } from './step-graph.js';

/** The node types that are a step of the procedure for counting and hand-offs. */
export const STEP_NODE_TYPES = new Set(['userTask', 'manualTask', 'callActivity']);

export const isStep = (node: StepGraphNode | undefined): boolean => !!node && STEP_NODE_TYPES.has(node.type);

/**
 * Walks a StepGraph as a token would, with sub-processes flattened: entering a sub-process goes
 * to its start events, reaching the end of one continues after it, and an activity may also
 * leave through its boundary events.
 */
export class FlowWalk {
  private readonly boundaries = new Map<string, string[]>();
  private readonly subProcessOf = new Map<string, StepGraphNode>();

  constructor(private readonly graph: StepGraph) {
    for (const node of graph.nodes.values()) {
      if (node.attachedToId) this.boundaries.set(node.attachedToId, [...(this.boundaries.get(node.attachedToId) ?? []), node.id]);
      const scope = graph.nodes.get(node.scopeId);
      if (scope) this.subProcessOf.set(node.id, scope);
    }
  }

  node(id: string): StepGraphNode | undefined {
    return this.graph.nodes.get(id);
  }

  /** Where the process starts: its start events, else its nodes without incoming flow. */
  entries(scopeId = this.graph.key): string[] {
    const inScope = [...this.graph.nodes.values()].filter((n) => n.scopeId === scopeId && n.type !== 'boundaryEvent');
    const starts = inScope.filter((n) => n.type === 'startEvent');
    return (starts.length > 0 ? starts : inScope.filter((n) => n.incoming.length === 0)).map((n) => n.id);
  }

  /** Nodes within the same scope a token can move to from `id` (flows and boundary events). */
  successorsInScope(id: string): string[] {
    const node = this.graph.nodes.get(id);
    if (!node) return [];
    return [...this.flowTargets(node.outgoing), ...(this.boundaries.get(id) ?? [])];
  }

  /** Nodes a token can move to from `id`, crossing sub-process borders. */
  transitions(id: string): string[] {
    const node = this.graph.nodes.get(id);
    if (!node) return [];
    const next = [...(this.boundaries.get(id) ?? [])];
    const inner = node.type === 'subProcess' ? this.entries(node.id) : [];
    if (inner.length > 0) return [...next, ...inner];
    next.push(...this.flowTargets(node.outgoing));
    const enclosing = this.subProcessOf.get(id);
    if (node.outgoing.length === 0 && enclosing) next.push(...this.flowTargets(enclosing.outgoing));
    return next;
  }

  /**
   * The steps reached from `id` before any other step: through gateways, events, automated tasks
   * and sub-process borders, never through another step.
   */
  nextSteps(id: string): string[] {
    const found: string[] = [];
    const seen = new Set<string>();
    const pending = this.transitions(id);
    while (pending.length > 0) {
      const current = pending.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      if (isStep(this.graph.nodes.get(current))) found.push(current);
      else pending.push(...this.transitions(current));
    }
    return found;
  }

  /** Every node reachable from the entries, in breadth-first (flow) order. */
  flowOrder(): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const pending = this.entries();
    while (pending.length > 0) {
      const current = pending.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      order.push(current);
      pending.push(...this.transitions(current));
    }
    return order;
  }

  private flowTargets(flowIds: readonly string[]): string[] {
    return flowIds.map((id) => this.graph.flows.get(id)?.targetId).filter((id): id is string => !!id);
  }
}
