import type { Position } from '../behaviour.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { chooseFlows } from './flow-choice.js';

/**
 * Joins: a parallel join fires when tokens parked at it cover every incoming flow; an inclusive
 * join when no other token of its scope can still reach it (docs/bpmn.md), checked each time the
 * agenda runs dry.
 */
export function parallelJoinReady(state: InstanceState, token: ExecutionRow, incoming: string[], nodeId: string): boolean {
  const arrived = new Set(state.childrenOf(token.parentId!).filter((e) => e.activityId === nodeId && e.state === 'joining').map((e) => e.incomingFlowId));
  return incoming.every((flowId) => arrived.has(flowId));
}

/** Fires the inclusive joins that no token can reach any more. Returns whether any fired. */
export function fireSatisfiedInclusiveJoins(rt: Runtime): boolean {
  let fired = false;
  for (const state of rt.loadedStates()) {
    if (state.instance.state !== 'active') continue;
    const graph = rt.graphOf(state);
    const seen = new Set<string>();
    for (const token of [...state.executions.values()]) {
      if (token.state !== 'joining' || graph.nodes.get(token.activityId!)?.type !== 'inclusiveGateway') continue;
      const key = `${token.parentId}:${token.activityId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (inclusiveJoinMayFire(rt, state, token)) {
        mergeJoin(rt, rt.position(state, token), 'inclusive');
        fired = true;
      }
    }
  }
  return fired;
}

export function inclusiveJoinMayFire(rt: Runtime, state: InstanceState, token: ExecutionRow): boolean {
  const upstream = rt.graphOf(state).upstreamOf.get(token.activityId!);
  if (!upstream) return true;
  for (const other of state.childrenOf(token.parentId!)) {
    if (other.activityId === token.activityId && other.state === 'joining') continue;
    if (other.activityId && upstream.has(other.activityId)) return false;
  }
  return true;
}

/** Merges the tokens parked at a join into one, which leaves by the gateway's outgoing flows. */
export function mergeJoin(rt: Runtime, at: Position, kind: 'parallel' | 'inclusive'): void {
  const { state, token, node } = at;
  const parked = state.childrenOf(token.parentId!).filter((e) => e.activityId === node.id && e.state === 'joining');
  let merged: ExecutionRow[];
  if (kind === 'parallel') {
    // One token per incoming flow joins; extra tokens on a flow wait for the next round.
    const byFlow = new Map<string, ExecutionRow>();
    for (const e of parked) if (e.incomingFlowId && !byFlow.has(e.incomingFlowId)) byFlow.set(e.incomingFlowId, e);
    merged = [...byFlow.values()];
  } else {
    merged = parked;
  }
  const survivor = merged.includes(token) ? token : merged[0];
  for (const e of merged) {
    if (e === survivor) continue;
    rt.closeActivity(state, e, 'completed');
    state.executions.delete(e.id);
  }
  survivor.state = 'active';
  const outgoing = kind === 'parallel' ? node.outgoing : chooseFlows(rt, { state, token: survivor, node }, 'all');
  rt.leave({ state, token: survivor, node }, outgoing);
}
