import { node as nodeOf, type FlowNode } from '../../model/procedure-graph.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { subscribe } from './event-arming.js';
import { HIDDEN_PREFIX } from './variables.js';

const FOR = `${HIDDEN_PREFIX}compensationFor`;
const PENDING = `${HIDDEN_PREFIX}compensating`;

/**
 * Compensation, as Camunda keeps it: when an activity with a compensation boundary event
 * completes, its scope records a `compensate` subscription naming the handler. A compensation
 * throw (intermediate or end event) runs the handlers recorded in its scope — all of them, or
 * only the activity it names — latest completed first, and waits until they are done. A scope
 * that completes hands its records to the scope above, so compensating a finished sub-process
 * undoes what ran inside it.
 */
export function recordCompensable(rt: Runtime, state: InstanceState, token: ExecutionRow, node: FlowNode): void {
  const graph = rt.graphOf(state);
  const handlerEsp = compensationEventSubProcess(rt, state, node);
  const scopeOf = token.parentId ? state.executions.get(token.parentId) : undefined;
  if (handlerEsp && scopeOf) {
    // A sub-process with a compensation event sub-process: that sub-process is its handler, and
    // the records of what ran inside stay with the sub-process's execution for it to compensate.
    // The row's business key (unused by compensation) remembers where the inner records wait.
    subscribe(rt, state, scopeOf, handlerEsp, 'compensate', node.id).businessKey = token.id;
  }
  for (const boundaryId of node.boundaryIds) {
    const boundary = nodeOf(graph, boundaryId);
    if (boundary.event !== 'compensate' || !boundary.compensationHandlerId) continue;
    const scope = token.parentId ? state.executions.get(token.parentId) : undefined;
    if (scope) subscribe(rt, state, scope, nodeOf(graph, boundary.compensationHandlerId), 'compensate', node.id);
  }
}

/** The compensation event sub-process a sub-process holds, if any. */
export function compensationEventSubProcess(rt: Runtime, state: InstanceState, node: FlowNode): FlowNode | undefined {
  if (node.type !== 'subProcess') return undefined;
  const graph = rt.graphOf(state);
  return (node.eventSubProcessIds ?? []).map((id) => nodeOf(graph, id)).find((esp) => nodeOf(graph, esp.startEventId!).event === 'compensate');
}

/** A scope execution stops being a scope: its compensation records go to the scope above (unless its own compensation event sub-process will use them). */
export function handCompensationUp(rt: Runtime, state: InstanceState, scope: ExecutionRow): void {
  if (!scope.parentId) return;
  const node = scope.activityId ? rt.graphOf(state).nodes.get(scope.activityId) : undefined;
  if (node && compensationEventSubProcess(rt, state, node)) return;
  for (const sub of state.subscriptions.values()) if (sub.type === 'compensate' && sub.executionId === scope.id) sub.executionId = scope.parentId;
}

/** Starts the handlers; returns whether the throwing token waits for them. */
export function throwCompensation(rt: Runtime, state: InstanceState, token: ExecutionRow, node: FlowNode): boolean {
  const scopeId = token.parentId!;
  const records = [...state.subscriptions.values()]
    .filter((s) => s.type === 'compensate' && s.executionId === scopeId && (!node.compensateActivityId || s.eventName === node.compensateActivityId))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (records.length === 0) return false;
  rt.wait(token);
  token.variables = { ...token.variables, [PENDING]: records.length };
  for (const record of records) {
    state.subscriptions.delete(record.id);
    const handler = rt.newExecution(state.id, scopeId, record.elementId, 'active');
    handler.variables = { [FOR]: token.id };
    state.executions.set(handler.id, handler);
    // A compensation event sub-process takes over the records its sub-process left behind.
    if (record.businessKey) for (const inner of state.subscriptions.values()) if (inner.type === 'compensate' && inner.executionId === record.businessKey) inner.executionId = handler.id;
    rt.schedule('enter', () => rt.enter(state, handler, record.elementId, null));
  }
  return true;
}

/** A handler token ended: the last one lets its thrower go on. */
export async function compensationHandlerEnded(rt: Runtime, state: InstanceState, handler: ExecutionRow): Promise<void> {
  const throwerId = handler.variables?.[FOR];
  if (typeof throwerId !== 'string') return;
  const thrower = state.executions.get(throwerId);
  if (!thrower?.variables) return;
  const left = Number(thrower.variables[PENDING]) - 1;
  if (left > 0) {
    thrower.variables = { ...thrower.variables, [PENDING]: left };
    return;
  }
  const { [PENDING]: _done, ...rest } = thrower.variables;
  thrower.variables = Object.keys(rest).length ? rest : null;
  const at = rt.position(state, thrower);
  await rt.behaviour(at.node).trigger?.(rt, at, {});
}

export const isCompensationHandler = (token: ExecutionRow): boolean => typeof token.variables?.[FOR] === 'string';
