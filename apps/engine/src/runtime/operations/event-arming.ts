import { node as nodeOf, type FlowNode } from '../../model/procedure-graph.js';
import { durationMs, parseCycle, parseDate, parseDuration, workingDurationMs, type Duration } from '../../model/timer-expression.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow, JobRow, SubscriptionRow, SubscriptionType } from '../rows.js';
import type { Runtime } from '../runtime.js';

/**
 * Arming an event for a token: a timer job, or a subscription (message, signal, condition),
 * keyed by the event's node. Boundary events are armed on their activity's token, event
 * sub-process starts on their scope's execution; `disarm` removes what a token armed.
 */
export function armEvent(rt: Runtime, state: InstanceState, token: ExecutionRow, eventNode: FlowNode): void {
  if (eventNode.event === 'timer') scheduleTimer(rt, state, token, eventNode);
  else if (eventNode.event === 'message' || eventNode.type === 'receiveTask') subscribe(rt, state, token, eventNode, 'message', eventNode.messageName!);
  else if (eventNode.event === 'signal') subscribe(rt, state, token, eventNode, 'signal', eventNode.signalName!);
  else if (eventNode.event === 'conditional') {
    subscribe(rt, state, token, eventNode, 'conditional', eventNode.id);
    rt.watchConditions(state);
  }
}

export function subscribe(rt: Runtime, state: InstanceState, token: ExecutionRow, eventNode: FlowNode, type: SubscriptionType, eventName: string): SubscriptionRow {
  const id = rt.ports.newId();
  const row: SubscriptionRow = {
    id,
    type,
    eventName,
    businessKey: type === 'message' ? state.instance.businessKey : null,
    instanceId: state.id,
    executionId: token.id,
    elementId: eventNode.id,
    definitionId: state.instance.definitionId,
    createdAt: rt.now,
  };
  state.subscriptions.set(id, row);
  return row;
}

export function scheduleTimer(rt: Runtime, state: InstanceState, token: ExecutionRow, eventNode: FlowNode, payload: Record<string, unknown> = {}): JobRow {
  const id = rt.ports.newId();
  const job: JobRow = {
    id,
    type: 'timer',
    instanceId: state.id,
    executionId: token.id,
    elementId: eventNode.id,
    definitionId: state.instance.definitionId,
    dueAt: timerDueAt(rt, eventNode, rt.now),
    retries: 3,
    payload,
    createdAt: rt.now,
  };
  state.jobs.set(id, job);
  return job;
}

export function timerDueAt(rt: Runtime, eventNode: FlowNode, from: Date): Date {
  const timer = eventNode.timer!;
  if (timer.kind === 'date') return parseDate(timer.expression)!;
  const duration: Duration = timer.kind === 'duration' ? parseDuration(timer.expression)! : parseCycle(timer.expression)!.interval;
  return timer.workingTime ? rt.ports.time.addWorkingTime(from, workingDurationMs(duration)) : new Date(from.getTime() + durationMs(duration));
}

/**
 * Removes the timers and subscriptions a token armed at its current node. Compensation
 * subscriptions stay: they record what the scope completed, not what the token waits for.
 */
export function disarm(state: InstanceState, token: ExecutionRow): void {
  for (const job of state.jobs.values()) if (job.executionId === token.id) state.jobs.delete(job.id);
  for (const sub of state.subscriptions.values()) if (sub.executionId === token.id && sub.type !== 'compensate') state.subscriptions.delete(sub.id);
}

/** The event sub-processes a scope execution holds (the process instance's, or a sub-process's). */
export function eventSubProcessesOf(rt: Runtime, state: InstanceState, scope: ExecutionRow): string[] {
  const graph = rt.graphOf(state);
  if (scope.id === state.id) return graph.eventSubProcessIds;
  return scope.activityId ? (graph.nodes.get(scope.activityId)?.eventSubProcessIds ?? []) : [];
}

/** A scope starts: the starts of its event sub-processes listen (error and escalation need no listening). */
export function armEventSubProcesses(rt: Runtime, state: InstanceState, scope: ExecutionRow): void {
  const graph = rt.graphOf(state);
  for (const espId of eventSubProcessesOf(rt, state, scope)) {
    const start = nodeOf(graph, nodeOf(graph, espId).startEventId!);
    armEvent(rt, state, scope, start);
  }
}

/** An interrupting event sub-process took over: none of the scope's other starts may fire any more. */
export function disarmEventSubProcesses(rt: Runtime, state: InstanceState, scope: ExecutionRow): void {
  const graph = rt.graphOf(state);
  const starts = new Set(eventSubProcessesOf(rt, state, scope).map((id) => nodeOf(graph, id).startEventId));
  for (const job of state.jobs.values()) if (job.executionId === scope.id && starts.has(job.elementId)) state.jobs.delete(job.id);
  for (const sub of state.subscriptions.values()) if (sub.executionId === scope.id && starts.has(sub.elementId)) state.subscriptions.delete(sub.id);
}
