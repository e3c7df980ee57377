import type { FlowNode } from '../../model/procedure-graph.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { evaluateBoolean, evaluateFeel, stuck } from './feel-values.js';
import { HIDDEN_PREFIX, variablesAt } from './variables.js';
import { handCompensationUp } from './compensation.js';

const ITEMS = `${HIDDEN_PREFIX}items`;

/**
 * The counters the engine keeps for a multi-instance body and its instances. Nobody else writes
 * them: a task completed with `loopCounter`, or a called process handing back "all" its
 * variables (including the copies it was given), must not reset them.
 */
export const LOOP_VARIABLES: ReadonlySet<string> = new Set(['nrOfInstances', 'nrOfActiveInstances', 'nrOfCompletedInstances', 'loopCounter']);

/**
 * Multi-instance and standard loops, as Camunda 7 builds them: the token that arrives becomes
 * the *body*, a scope execution at the activity holding `nrOfInstances`,
 * `nrOfActiveInstances`, `nrOfCompletedInstances` (and Zeebe's output collection); each
 * instance is a child execution at the same activity with its own `loopCounter` (1, 2, … like
 * FEEL lists) and element variable. Boundary events hang on the body, so an interrupting one
 * ends every instance. The body leaves when all instances completed or the completion
 * condition holds; the instances still open are cancelled.
 */

/** An instance of a multi-instance or loop: its parent is the body, at the same activity. */
export function isLoopInstance(state: InstanceState, token: ExecutionRow): boolean {
  if (!token.parentId || token.activityId === null) return false;
  return state.executions.get(token.parentId)?.activityId === token.activityId;
}

/** The body of a multi-instance or loop (the scope above its instances). */
export function isLoopBody(state: InstanceState, token: ExecutionRow, node: FlowNode | undefined): boolean {
  return !!node?.loop && token.state === 'scope' && !isLoopInstance(state, token);
}

/** The token arrived at a looping activity: it becomes the body and starts the first instance(s). */
export function startLoop(rt: Runtime, state: InstanceState, body: ExecutionRow, node: FlowNode): void {
  const spec = node.loop!;
  body.state = 'scope';
  if (spec.kind === 'standard') {
    body.variables = { nrOfCompletedInstances: 0 };
    if (spec.testBefore && !loopContinues(state, body, node, 0)) return finishLoop(rt, state, body, node);
    startInstance(rt, state, body, node, 1, undefined);
    return;
  }
  const scope = variablesAt(state, body);
  let items: unknown[] | undefined;
  let count: number;
  if (spec.collection !== undefined) {
    const value = evaluateFeel(node, 'collection', spec.collection, scope);
    if (!Array.isArray(value)) throw stuck(node, `the collection "${spec.collection}" gave ${JSON.stringify(value ?? null)}, not a list`);
    items = value;
    count = value.length;
  } else {
    const value = evaluateFeel(node, 'loopCardinality', spec.cardinality!, scope);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw stuck(node, `loopCardinality "${spec.cardinality}" gave ${JSON.stringify(value ?? null)}, not a whole number ≥ 0`);
    count = value;
  }
  body.variables = { nrOfInstances: count, nrOfActiveInstances: 0, nrOfCompletedInstances: 0 };
  if (spec.outputCollection) body.variables[spec.outputCollection] = new Array(count).fill(null);
  if (spec.sequential && items) body.variables[ITEMS] = items;
  if (count === 0) return finishLoop(rt, state, body, node);
  const started = spec.sequential ? 1 : count;
  for (let i = 1; i <= started; i++) startInstance(rt, state, body, node, i, items?.[i - 1]);
}

function startInstance(rt: Runtime, state: InstanceState, body: ExecutionRow, node: FlowNode, loopCounter: number, item: unknown): void {
  const spec = node.loop!;
  const instance = rt.newExecution(state.id, body.id, node.id, 'active');
  instance.variables = { loopCounter };
  if (spec.elementVariable) instance.variables[spec.elementVariable] = item ?? null;
  // A plain name as output element becomes local to each instance, so what an officer submits
  // in one instance is gathered from that instance and not overwritten by the others.
  if (spec.outputElement && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(spec.outputElement)) instance.variables[spec.outputElement] = null;
  if (spec.kind === 'multiInstance') body.variables!.nrOfActiveInstances = Number(body.variables!.nrOfActiveInstances) + 1;
  state.executions.set(instance.id, instance);
  rt.schedule('enter', () => rt.enter(state, instance, node.id, body.incomingFlowId));
}

/** An instance finished its activity: count it, gather its output, and decide whether the body is done. */
export function completeLoopInstance(rt: Runtime, state: InstanceState, instance: ExecutionRow, node: FlowNode): void {
  const spec = node.loop!;
  const body = state.executions.get(instance.parentId!)!;
  rt.closeActivity(state, instance, 'completed');
  rt.disarm(state, instance);
  const counters = body.variables!;
  const loopCounter = Number(instance.variables?.loopCounter ?? 0);
  counters.nrOfCompletedInstances = Number(counters.nrOfCompletedInstances) + 1;
  if (spec.kind === 'multiInstance') counters.nrOfActiveInstances = Number(counters.nrOfActiveInstances) - 1;
  const scope = variablesAt(state, instance);
  if (spec.outputCollection && spec.outputElement) {
    const output = counters[spec.outputCollection] as unknown[];
    output[loopCounter - 1] = evaluateFeel(node, 'outputElement', spec.outputElement, scope) ?? null;
  }
  handCompensationUp(rt, state, instance);
  state.executions.delete(instance.id);

  if (spec.kind === 'standard') {
    if (loopContinues(state, body, node, loopCounter, scope)) startInstance(rt, state, body, node, loopCounter + 1, undefined);
    else finishLoop(rt, state, body, node);
    return;
  }
  const completed = Number(counters.nrOfCompletedInstances);
  const total = Number(counters.nrOfInstances);
  const conditionMet = spec.completionCondition !== undefined && evaluateBoolean(node, 'completionCondition', spec.completionCondition, scope);
  if (completed >= total || conditionMet) return finishLoop(rt, state, body, node);
  if (spec.sequential) {
    const items = counters[ITEMS] as unknown[] | undefined;
    startInstance(rt, state, body, node, completed + 1, items?.[completed]);
  }
}

/** Standard loop: another round while the condition holds and the maximum is not reached. */
function loopContinues(state: InstanceState, body: ExecutionRow, node: FlowNode, done: number, scope = variablesAt(state, body)): boolean {
  const spec = node.loop!;
  if (spec.loopMaximum !== undefined && done >= spec.loopMaximum) return false;
  if (spec.loopCondition === undefined) return true;
  return evaluateBoolean(node, 'loopCondition', spec.loopCondition, { ...scope, loopCounter: done });
}

/** The body is done: open instances are cancelled, the output collection handed up, the token moves on. */
function finishLoop(rt: Runtime, state: InstanceState, body: ExecutionRow, node: FlowNode): void {
  for (const open of state.childrenOf(body.id)) rt.cancelToken(state, open);
  const spec = node.loop!;
  const output = spec.outputCollection ? body.variables?.[spec.outputCollection] : undefined;
  body.variables = null;
  body.state = 'active';
  if (spec.outputCollection) rt.setVariables(state, { [spec.outputCollection]: output }, node.id, body);
  rt.leaveByConditions({ state, token: body, node });
}
