import { node as nodeOf, type FlowNode } from '../../model/procedure-graph.js';
import type { Signal } from '../behaviour.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { disarmEventSubProcesses, scheduleTimer } from './event-arming.js';

/**
 * The start event of an event sub-process fired in `scope` (the process instance or a
 * sub-process). Interrupting: everything else the scope runs is cancelled and its other event
 * starts stop listening, as a withdrawal stops the dossier. Non-interrupting: the sub-process
 * runs beside the rest (a supplement note at any time), and the start keeps listening.
 */
export function startEventSubProcess(rt: Runtime, state: InstanceState, scope: ExecutionRow, start: FlowNode, signal: Signal): void {
  const graph = rt.graphOf(state);
  const esp = nodeOf(graph, start.scopeId);
  if (start.interrupting) {
    for (const child of state.childrenOf(scope.id)) rt.cancelToken(state, child);
    disarmEventSubProcesses(rt, state, scope);
  } else if (start.timer?.kind === 'cycle') {
    scheduleTimer(rt, state, scope, start, { cycleFired: true });
  }
  if (signal.variables) rt.setVariables(state, signal.variables, start.id, scope);
  const token = rt.newExecution(state.id, scope.id, null, 'active');
  state.executions.set(token.id, token);
  rt.schedule('enter', () => rt.enter(state, token, esp.id, null, signal));
}
