import { node as nodeOf, type FlowNode } from '../../model/procedure-graph.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { eventSubProcessesOf } from './event-arming.js';
import { startEventSubProcess } from './event-sub-process.js';
import { isLoopInstance } from './multi-instance.js';

type Thrown = 'error' | 'escalation';

type Catcher =
  | { kind: 'boundary'; state: InstanceState; host: ExecutionRow; event: FlowNode }
  | { kind: 'eventSubProcess'; state: InstanceState; scope: ExecutionRow; start: FlowNode };

/**
 * Error and escalation propagation, innermost first: the thrower's own boundary events, then
 * the event sub-processes of the scope it runs in, then that scope's boundary events, and so on
 * up to the process instance — and on into the instance that called it, through its call
 * activity. A specific code beats a catch-all at the same level. Multi-instance instances have
 * no boundary events of their own: their body carries them.
 */
export async function findCatcher(rt: Runtime, state: InstanceState, token: ExecutionRow, kind: Thrown, code: string | undefined): Promise<Catcher | undefined> {
  let current: { state: InstanceState; exec: ExecutionRow } | undefined = { state, exec: token };
  while (current) {
    const graph = rt.graphOf(current.state);
    const exec: ExecutionRow = current.exec;
    const holder = exec.activityId ? graph.nodes.get(exec.activityId) : undefined;
    if (holder && !isLoopInstance(current.state, exec)) {
      const event = best(holder.boundaryIds.map((id) => nodeOf(graph, id)).filter((b) => b.event === kind), kind, code);
      if (event) return { kind: 'boundary', state: current.state, host: exec, event };
    }
    const scope: ExecutionRow | undefined = exec.parentId ? current.state.executions.get(exec.parentId) : undefined;
    if (scope) {
      const starts = eventSubProcessesOf(rt, current.state, scope).map((id) => nodeOf(graph, nodeOf(graph, id).startEventId!)).filter((s) => s.event === kind);
      const start = best(starts, kind, code);
      if (start) return { kind: 'eventSubProcess', state: current.state, scope, start };
      current = { state: current.state, exec: scope };
      continue;
    }
    // Reached the process instance: climb into the calling instance, if any.
    const parentInstanceId: string | null = current.state.instance.parentInstanceId;
    const parentExecutionId: string | null = current.state.instance.parentExecutionId;
    if (!parentInstanceId || !parentExecutionId) return undefined;
    const parent: InstanceState | undefined = await rt.load(parentInstanceId);
    const caller: ExecutionRow | undefined = parent?.executions.get(parentExecutionId);
    current = parent && caller ? { state: parent, exec: caller } : undefined;
  }
  return undefined;
}

function best(candidates: FlowNode[], kind: Thrown, code: string | undefined): FlowNode | undefined {
  const codeOf = (n: FlowNode) => (kind === 'error' ? n.errorCode : n.escalationCode);
  return candidates.find((n) => code !== undefined && codeOf(n) === code) ?? candidates.find((n) => codeOf(n) === undefined);
}

/** Hands the thrown event to its catcher: a boundary event fires on its host, an event sub-process starts in its scope. */
export function deliverToCatcher(rt: Runtime, catcher: Catcher, variables?: Record<string, unknown>): void {
  if (catcher.kind === 'boundary') {
    if (variables) rt.setVariables(catcher.state, variables, catcher.event.id, catcher.host);
    rt.fireBoundary(catcher.state, catcher.host, catcher.event);
  } else {
    startEventSubProcess(rt, catcher.state, catcher.scope, catcher.start, { variables });
  }
}

/**
 * A BPMN error thrown at `token`: the nearest catcher takes it (always interrupting); uncaught,
 * the token simply ends (as Camunda does).
 */
export async function throwError(rt: Runtime, state: InstanceState, token: ExecutionRow, errorCode: string | undefined): Promise<void> {
  const catcher = await findCatcher(rt, state, token, 'error', errorCode);
  if (catcher) {
    deliverToCatcher(rt, catcher);
    return;
  }
  rt.closeActivity(state, token, 'completed');
  rt.schedule('end-token', () => rt.endToken(state, token));
}

/**
 * An escalation thrown at `token`: the nearest catcher takes it, interrupting or not; uncaught,
 * nothing happens (BPMN: an escalation is a notice, not a failure). Returns whether the
 * throwing token is still alive to go on.
 */
export async function throwEscalation(rt: Runtime, state: InstanceState, token: ExecutionRow, code: string | undefined): Promise<boolean> {
  const catcher = await findCatcher(rt, state, token, 'escalation', code);
  if (catcher) deliverToCatcher(rt, catcher);
  return state.executions.get(token.id) === token && token.activityInstanceId !== null;
}
