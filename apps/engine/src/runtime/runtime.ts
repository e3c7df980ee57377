import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { flow as flowOf, node as nodeOf, type FlowNode, type ProcedureGraph } from '../model/procedure-graph.js';
import type { Behaviour, Position, Signal } from './behaviour.js';
import { behaviourFor } from './behaviours/index.js';
import { HistoryBuffer, InstanceState } from './instance-state.js';
import type { Definition, RuntimePorts } from './ports.js';
import type { ExecutionRow, JobRow, ProcessInstanceRow, TaskRow } from './rows.js';
import { historyMonthOf } from './rows.js';
import type { RuntimeEvent } from './runtime-events.js';
import { mapVariables } from './variable-mapping.js';
import { armEvent, armEventSubProcesses, disarm, scheduleTimer, timerDueAt } from './operations/event-arming.js';
import { fireConditionalEvents } from './operations/conditional-events.js';
import { compensationHandlerEnded, handCompensationUp, isCompensationHandler, recordCompensable } from './operations/compensation.js';
import { startEventSubProcess } from './operations/event-sub-process.js';
import { chooseFlows } from './operations/flow-choice.js';
import { fireSatisfiedInclusiveJoins } from './operations/joins.js';
import { completeLoopInstance, isLoopBody, isLoopInstance, LOOP_VARIABLES, startLoop } from './operations/multi-instance.js';
import { throwError } from './operations/propagation.js';
import { createTask, departmentAt, endTask } from './operations/tasks.js';
import { localHolder, variablesAt } from './operations/variables.js';

type Operation = { name: string; run: () => Promise<void> | void };

export interface StartOptions {
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  startEventId?: string;
  startedBy?: string | null;
  parent?: { state: InstanceState; token: ExecutionRow };
}

/**
 * The token machine for one command. Token movement is a queue of a few named operations
 * (enter, leave, end token, complete scope) processed in a loop, never recursion, so a long
 * chain of pass-through steps can't blow the stack and every step is visible in one place.
 * What an operation needs beyond moving tokens lives in `operations/` (arming events, joins,
 * multi-instance, error and escalation propagation, event sub-processes, tasks, variables).
 * All instances a command touches (a call activity's parent and child) are held here and
 * flushed together by the unit of work.
 */
export class Runtime {
  readonly history = new HistoryBuffer();
  readonly events: RuntimeEvent[] = [];
  private readonly states = new Map<string, InstanceState>();
  private readonly definitions = new Map<string, Definition>();
  private readonly agenda: Operation[] = [];
  /** Instances whose variables changed while they hold conditional events: re-checked at quiescence. */
  private readonly conditionWatch = new Set<InstanceState>();

  constructor(
    readonly ports: RuntimePorts,
    readonly now: Date,
    readonly actor: string | null = null,
  ) {}

  // ---- instances -------------------------------------------------------------------------

  loadedStates(): InstanceState[] {
    return [...this.states.values()];
  }

  /** Locks and loads an instance (once per command). */
  async load(instanceId: string): Promise<InstanceState | undefined> {
    const known = this.states.get(instanceId);
    if (known) return known;
    const loaded = await this.ports.instances.lockAndLoad(instanceId);
    if (!loaded) return undefined;
    const state = new InstanceState(loaded);
    this.states.set(instanceId, state);
    await this.definition(state.instance.definitionId);
    return state;
  }

  /** Locks and loads the instance holding an open task; undefined when the task is gone. */
  async loadByTask(taskId: string): Promise<InstanceState | undefined> {
    const known = [...this.states.values()].find((s) => s.tasks.has(taskId));
    if (known) return known;
    const loaded = await this.ports.instances.lockAndLoadByTask(taskId);
    if (!loaded) return undefined;
    const state = this.states.get(loaded.instance.id) ?? new InstanceState(loaded);
    this.states.set(state.id, state);
    await this.definition(state.instance.definitionId);
    return state;
  }

  async definition(id: string): Promise<Definition> {
    let found = this.definitions.get(id);
    if (!found) {
      found = await this.ports.definitions.byId(id);
      this.definitions.set(id, found);
    }
    return found;
  }

  graphOf(state: InstanceState): ProcedureGraph {
    const found = this.definitions.get(state.instance.definitionId);
    if (!found) throw new Error(`definition ${state.instance.definitionId} not loaded`);
    return found.graph;
  }

  position(state: InstanceState, token: ExecutionRow): Position {
    return { state, token, node: nodeOf(this.graphOf(state), token.activityId!) };
  }

  /** Creates an instance and places its first token on the start event. Runs until every token waits. */
  async startInstance(definition: Definition, options: StartOptions = {}, triggered?: Signal): Promise<InstanceState> {
    this.definitions.set(definition.id, definition);
    const graph = definition.graph;
    const startId = options.startEventId ?? graph.startEventIds.find((id) => nodeOf(graph, id).event === 'none') ?? graph.startEventIds[0];
    if (!startId) throw new DomainError(ErrorCode.BadInput, `${definition.key} has no start event`);
    const id = this.ports.newId();
    const instance: ProcessInstanceRow = {
      id,
      definitionId: definition.id,
      definitionKey: definition.key,
      businessKey: options.businessKey ?? options.parent?.state.instance.businessKey ?? null,
      state: 'active',
      parentInstanceId: options.parent?.state.id ?? null,
      parentExecutionId: options.parent?.token.id ?? null,
      rootInstanceId: options.parent?.state.instance.rootInstanceId ?? id,
      startedAt: this.now,
      endedAt: null,
      startedBy: options.startedBy ?? this.actor,
      revision: 0,
    };
    const root: ExecutionRow = this.newExecution(id, null, null, 'scope');
    root.id = id;
    const state = new InstanceState({ instance, executions: [root], tasks: [], jobs: [], subscriptions: [], variables: {} }, true);
    this.states.set(id, state);
    this.setVariables(state, options.variables ?? {}, startId);
    this.events.push({ type: 'instance.started', instance: state.instance });
    armEventSubProcesses(this, state, root);
    const token = this.newExecution(id, root.id, null, 'active');
    state.executions.set(token.id, token);
    this.schedule('enter', () => this.enter(state, token, startId, null, triggered));
    await this.run();
    return state;
  }

  // ---- the agenda --------------------------------------------------------------------------

  schedule(name: string, run: () => Promise<void> | void): void {
    this.agenda.push({ name, run });
  }

  async run(): Promise<void> {
    for (;;) {
      let op: Operation | undefined;
      while ((op = this.agenda.shift())) await op.run();
      // Quiescence: a waiting inclusive join may fire now that no token can still reach it,
      // and a conditional event whose variables changed may now hold.
      if (fireSatisfiedInclusiveJoins(this)) continue;
      if (this.conditionWatch.size > 0 && (await fireConditionalEvents(this, this.takeConditionWatch()))) continue;
      return;
    }
  }

  /** Variables of `state` changed (or a conditional event was armed): check its conditional events at quiescence. */
  watchConditions(state: InstanceState): void {
    this.conditionWatch.add(state);
  }

  private takeConditionWatch(): InstanceState[] {
    const states = [...this.conditionWatch];
    this.conditionWatch.clear();
    return states;
  }

  // ---- operations -------------------------------------------------------------------------

  /** A token arrives at a node: history opens, boundary events arm, the behaviour decides. */
  async enter(state: InstanceState, token: ExecutionRow, nodeId: string, viaFlowId: string | null, triggered?: Signal): Promise<void> {
    const graph = this.graphOf(state);
    const node = nodeOf(graph, nodeId);
    token.activityId = nodeId;
    token.incomingFlowId = viaFlowId;
    token.state = 'active';
    const instanceOfLoop = isLoopInstance(state, token);
    if (node.loop && !instanceOfLoop) {
      // The multi-instance body: no history row of its own (its instances have them); boundary
      // events hang on it so they concern every instance.
      token.activityInstanceId = null;
      for (const boundaryId of node.boundaryIds) armEvent(this, state, token, nodeOf(graph, boundaryId));
      startLoop(this, state, token, node);
      return;
    }
    token.activityInstanceId = this.ports.newId();
    this.history.openActivity({
      id: token.activityInstanceId,
      historyMonth: historyMonthOf(state.instance.startedAt),
      instanceId: state.id,
      executionId: token.id,
      definitionId: state.instance.definitionId,
      activityId: node.id,
      activityName: node.name ?? null,
      activityType: node.type,
      startedAt: this.now,
      endedAt: null,
      state: 'active',
      taskId: null,
      assignee: null,
      departmentCode: departmentAt(state, token, node),
      role: node.step.role ?? null,
      dueAt: null,
      calledInstanceId: null,
      // Every row carries every column: a command's rows go in as one set, named by the first.
      outcome: null,
      endedBy: null,
      allowanceDays: null,
      counted: null,
      opinion: null,
    });
    this.events.push({ type: 'activity.started', instanceId: state.id, activityId: node.id, activityType: node.type });
    if (!instanceOfLoop) for (const boundaryId of node.boundaryIds) armEvent(this, state, token, nodeOf(graph, boundaryId));
    await this.behaviour(node).enter(this, { state, token, node }, triggered);
  }

  /** The token leaves its node by the given flows; the first flow keeps the token, others fork. */
  leave(at: Position, flowIds: string[]): void {
    const { state, token, node } = at;
    if (node.loop && isLoopInstance(state, token)) return completeLoopInstance(this, state, token, node);
    const completed = token.activityInstanceId !== null || node.loop !== undefined;
    this.closeActivity(state, token, 'completed');
    disarm(state, token);
    if (completed && (node.boundaryIds.length > 0 || node.eventSubProcessIds?.length)) recordCompensable(this, state, token, node);
    if (flowIds.length === 0) {
      this.schedule('end-token', () => this.endToken(state, token));
      return;
    }
    flowIds.forEach((flowId, i) => {
      const target = flowOf(this.graphOf(state), flowId).targetId;
      const moving = i === 0 ? token : this.newExecution(state.id, token.parentId, node.id, 'active');
      if (i > 0) state.executions.set(moving.id, moving);
      moving.state = 'active';
      this.schedule('enter', () => this.enter(state, moving, target, flowId));
    });
  }

  /** Leaves by the flows whose conditions hold (all unconditioned ones, else the default). */
  leaveByConditions(at: Position): void {
    if (at.node.loop && isLoopInstance(at.state, at.token)) return completeLoopInstance(this, at.state, at.token, at.node);
    this.leave(at, this.chooseFlows(at, 'all'));
  }

  /** A token finished: remove it; if its scope has no tokens left, the scope completes. */
  endToken(state: InstanceState, token: ExecutionRow): void {
    state.executions.delete(token.id);
    if (isCompensationHandler(token)) this.schedule('compensation-done', () => compensationHandlerEnded(this, state, token));
    const scopeId = token.parentId;
    if (scopeId === null) return;
    const scope = state.executions.get(scopeId);
    if (scope && state.childrenOf(scopeId).length === 0 && scope.state === 'scope') {
      this.schedule('complete-scope', () => this.completeScope(state, scope));
    }
  }

  /** Every token of a scope has ended: a sub-process leaves its node, the process instance ends. */
  async completeScope(state: InstanceState, scope: ExecutionRow): Promise<void> {
    if (!state.executions.has(scope.id) || scope.state !== 'scope') return; // cancelled meanwhile
    if (scope.id === state.id) {
      await this.endInstance(state, 'completed');
      return;
    }
    const at = this.position(state, scope);
    if (isLoopBody(state, scope, at.node)) return; // a loop body ends through its instances, never empty-handed
    handCompensationUp(this, state, scope);
    scope.state = 'active';
    this.leaveByConditions(at);
  }

  /** Ends the instance; a called instance hands its variables back and wakes its caller. */
  async endInstance(state: InstanceState, outcome: 'completed' | 'terminated', endActivityId: string | null = null): Promise<void> {
    for (const child of state.childrenOf(state.id)) this.cancelToken(state, child);
    const root = state.executions.get(state.id);
    if (root) disarm(state, root);
    for (const sub of state.subscriptions.values()) if (sub.type === 'compensate') state.subscriptions.delete(sub.id);
    state.executions.clear();
    state.instance.state = outcome;
    state.instance.endedAt = this.now;
    this.events.push({ type: 'instance.ended', instance: state.instance, endActivityId });
    const { parentInstanceId, parentExecutionId } = state.instance;
    if (outcome === 'completed' && parentInstanceId && parentExecutionId) {
      const parent = await this.load(parentInstanceId);
      const caller = parent?.executions.get(parentExecutionId);
      if (!parent || !caller) return;
      const callNode = nodeOf(this.graphOf(parent), caller.activityId!);
      this.setVariables(parent, mapVariables(callNode.outputs ?? [], state.variablesObject()), callNode.id, caller);
      this.leaveByConditions({ state: parent, token: caller, node: callNode });
    }
  }

  /** Removes a token and everything hanging on it: child tokens, tasks, timers, subscriptions, a called instance. */
  cancelToken(state: InstanceState, token: ExecutionRow, removeToken = true): void {
    for (const child of state.childrenOf(token.id)) this.cancelToken(state, child);
    this.closeActivity(state, token, 'canceled');
    disarm(state, token);
    for (const sub of state.subscriptions.values()) if (sub.executionId === token.id) state.subscriptions.delete(sub.id);
    for (const task of [...state.tasks.values()]) if (task.executionId === token.id) this.endTask(state, task, 'canceled', this.actor);
    const called = [...this.states.values()].find((s) => s.instance.parentExecutionId === token.id && s.instance.state === 'active');
    if (called) this.schedule('terminate-called', () => this.endInstance(called, 'terminated'));
    else if (token.activityId && this.graphOf(state).nodes.get(token.activityId)?.type === 'callActivity') {
      this.schedule('terminate-called', async () => {
        const childId = await this.ports.instances.calledInstanceOf(token.id);
        const child = childId ? await this.load(childId) : undefined;
        if (child && child.instance.state === 'active') await this.endInstance(child, 'terminated');
      });
    }
    if (removeToken) state.executions.delete(token.id);
  }

  /** Wakes a waiting token: its node's behaviour decides what the signal means. */
  async trigger(state: InstanceState, token: ExecutionRow, signal: Signal): Promise<void> {
    const at = this.position(state, token);
    const behaviour = this.behaviour(at.node);
    if (!behaviour.trigger) throw new DomainError(ErrorCode.Conflict, `${at.node.id} is not waiting for anything`);
    await behaviour.trigger(this, at, signal);
    await this.run();
  }

  /**
   * An event the token armed happened: a boundary event of its activity, the start of an event
   * sub-process of its scope, or (at an event-based gateway or catch event) the event it waits for.
   */
  async eventOccurred(state: InstanceState, token: ExecutionRow, eventNodeId: string, signal: Signal): Promise<void> {
    await this.dispatchEvent(state, token, eventNodeId, signal);
    await this.run();
  }

  /** What `eventOccurred` does, without running the agenda (for callers already inside it). */
  async dispatchEvent(state: InstanceState, token: ExecutionRow, eventNodeId: string, signal: Signal): Promise<void> {
    const graph = this.graphOf(state);
    const eventNode = nodeOf(graph, eventNodeId);
    if (eventNode.type === 'startEvent' && graph.nodes.get(eventNode.scopeId)?.type === 'eventSubProcess') {
      startEventSubProcess(this, state, token, eventNode, signal);
      return;
    }
    if (eventNode.type === 'boundaryEvent') {
      if (signal.variables) this.setVariables(state, signal.variables, eventNodeId, token);
      this.fireBoundary(state, token, eventNode);
      return;
    }
    const at = this.position(state, token);
    if (at.node.type === 'eventBasedGateway') {
      if (signal.variables) this.setVariables(state, signal.variables, eventNodeId, token);
      const flowId = at.node.outgoing.find((f) => flowOf(graph, f).targetId === eventNodeId)!;
      this.closeActivity(state, token, 'completed');
      disarm(state, token);
      this.schedule('enter', () => this.enter(state, token, eventNodeId, flowId, signal));
      return;
    }
    const behaviour = this.behaviour(at.node);
    if (!behaviour.trigger) throw new DomainError(ErrorCode.Conflict, `${at.node.id} is not waiting for anything`);
    await behaviour.trigger(this, at, signal);
  }

  fireBoundary(state: InstanceState, host: ExecutionRow, boundary: FlowNode): void {
    if (boundary.cancelActivity) {
      for (const child of state.childrenOf(host.id)) this.cancelToken(state, child);
      this.cancelToken(state, host, false);
      host.state = 'active';
      host.variables = null;
      this.schedule('enter', () => this.enter(state, host, boundary.id, null, {}));
      return;
    }
    const branch = this.newExecution(state.id, host.parentId, boundary.id, 'active');
    state.executions.set(branch.id, branch);
    if (boundary.timer?.kind === 'cycle') scheduleTimer(this, state, host, boundary, { cycleFired: true });
    this.schedule('enter', () => this.enter(state, branch, boundary.id, null, {}));
  }

  throwError(state: InstanceState, token: ExecutionRow, errorCode: string | undefined): Promise<void> {
    return throwError(this, state, token, errorCode);
  }

  // ---- what behaviours use -------------------------------------------------------------------

  behaviour(node: FlowNode): Behaviour {
    return behaviourFor(node.type);
  }

  wait(token: ExecutionRow): void {
    token.state = 'waiting';
  }

  chooseFlows(at: Position, mode: 'first' | 'all'): string[] {
    return chooseFlows(this, at, mode);
  }

  /** The variables a token sees: the instance's, overlaid by its scopes' local ones. */
  variablesAt(state: InstanceState, token: ExecutionRow | undefined): Record<string, unknown> {
    return variablesAt(state, token);
  }

  /**
   * Sets variables from a token's point of view: a name a scope above holds locally is set
   * there (an instance's own element and output variables), any other on the instance.
   */
  setVariables(state: InstanceState, variables: Record<string, unknown>, activityId: string | null = null, token?: ExecutionRow): void {
    let any = false;
    for (const [name, value] of Object.entries(variables)) {
      any = true;
      const holder = token ? localHolder(state, token, name) : undefined;
      if (holder && LOOP_VARIABLES.has(name)) continue; // the engine's own counters
      if (holder) holder.variables = { ...holder.variables, [name]: value };
      else state.variables.set(name, value);
      this.history.variableUpdates.push({ historyMonth: historyMonthOf(state.instance.startedAt), instanceId: state.id, name, value, at: this.now, byUser: this.actor, activityId });
    }
    if (any && state.hasConditionalSubscriptions()) this.watchConditions(state);
  }

  createTask(at: Position, kind: TaskRow['kind']): TaskRow {
    return createTask(this, at, kind);
  }

  /** `opinion`: what the officer wrote (ý kiến on completion, the reason of a return), kept in history. */
  endTask(state: InstanceState, task: TaskRow, outcome: 'completed' | 'canceled' | 'returned', by: string | null, opinion?: string | null): void {
    endTask(this, state, task, outcome, by, opinion);
  }

  armEvent(state: InstanceState, token: ExecutionRow, eventNode: FlowNode): void {
    armEvent(this, state, token, eventNode);
  }

  scheduleTimer(state: InstanceState, token: ExecutionRow, eventNode: FlowNode, payload: Record<string, unknown> = {}): JobRow {
    return scheduleTimer(this, state, token, eventNode, payload);
  }

  timerDueAt(eventNode: FlowNode, from: Date): Date {
    return timerDueAt(this, eventNode, from);
  }

  disarm(state: InstanceState, token: ExecutionRow): void {
    disarm(state, token);
  }

  newExecution(instanceId: string, parentId: string | null, activityId: string | null, state: ExecutionRow['state']): ExecutionRow {
    return { id: this.ports.newId(), instanceId, parentId, activityId, state, incomingFlowId: null, activityInstanceId: null, createdAt: this.now, variables: null };
  }

  closeActivity(state: InstanceState, token: ExecutionRow, outcome: 'completed' | 'canceled'): void {
    if (!token.activityInstanceId) return;
    this.history.updateActivity(state.instance, token.activityInstanceId, { endedAt: this.now, state: outcome });
    const node = token.activityId ? this.graphOf(state).nodes.get(token.activityId) : undefined;
    if (node) this.events.push({ type: 'activity.ended', instanceId: state.id, activityId: node.id, activityType: node.type, canceled: outcome === 'canceled' });
    token.activityInstanceId = null;
  }
}

