import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { evaluateCondition } from '../model/feel.js';
import { flow as flowOf, node as nodeOf, type FlowNode, type ProcedureGraph } from '../model/procedure-graph.js';
import { durationMs, parseCycle, parseDate, parseDuration, workingDurationMs, type Duration } from '../model/timer-expression.js';
import type { Behaviour, Position, Signal } from './behaviour.js';
import { behaviourFor } from './behaviours/index.js';
import { HistoryBuffer, InstanceState } from './instance-state.js';
import type { Definition, RuntimePorts } from './ports.js';
import type { ExecutionRow, JobRow, ProcessInstanceRow, TaskRow } from './rows.js';
import type { RuntimeEvent } from './runtime-events.js';
import { mapVariables } from './variable-mapping.js';

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
 * All instances a command touches (a call activity's parent and child) are held here and flushed
 * together by the unit of work.
 */
export class Runtime {
  readonly history = new HistoryBuffer();
  readonly events: RuntimeEvent[] = [];
  private readonly states = new Map<string, InstanceState>();
  private readonly definitions = new Map<string, Definition>();
  private readonly agenda: Operation[] = [];

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
  async startInstance(definition: Definition, options: StartOptions = {}): Promise<InstanceState> {
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
    const token = this.newExecution(id, root.id, null, 'active');
    state.executions.set(token.id, token);
    this.schedule('enter', () => this.enter(state, token, startId, null));
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
      // Quiescence: a waiting inclusive join may fire now that no token can still reach it.
      if (!this.fireSatisfiedInclusiveJoins()) return;
    }
  }

  // ---- operations -------------------------------------------------------------------------

  /** A token arrives at a node: history opens, boundary events arm, the behaviour decides. */
  async enter(state: InstanceState, token: ExecutionRow, nodeId: string, viaFlowId: string | null, triggered?: Signal): Promise<void> {
    const graph = this.graphOf(state);
    const node = nodeOf(graph, nodeId);
    token.activityId = nodeId;
    token.incomingFlowId = viaFlowId;
    token.state = 'active';
    token.activityInstanceId = this.ports.newId();
    this.history.openActivity({
      id: token.activityInstanceId,
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
      departmentCode: node.step.departmentCode ?? null,
      role: node.step.role ?? null,
      dueAt: null,
      calledInstanceId: null,
    });
    this.events.push({ type: 'activity.started', instanceId: state.id, activityId: node.id, activityType: node.type });
    for (const boundaryId of node.boundaryIds) this.armEvent(state, token, nodeOf(graph, boundaryId));
    await this.behaviour(node).enter(this, { state, token, node }, triggered);
  }

  /** The token leaves its node by the given flows; the first flow keeps the token, others fork. */
  leave(at: Position, flowIds: string[]): void {
    const { state, token, node } = at;
    this.closeActivity(state, token, 'completed');
    this.disarm(state, token);
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
    this.leave(at, this.chooseFlows(at, 'all'));
  }

  /** A token finished: remove it; if its scope has no tokens left, the scope completes. */
  endToken(state: InstanceState, token: ExecutionRow): void {
    state.executions.delete(token.id);
    const scopeId = token.parentId;
    if (scopeId === null) return;
    const scope = state.executions.get(scopeId);
    if (scope && state.childrenOf(scopeId).length === 0 && scope.state === 'scope') {
      this.schedule('complete-scope', () => this.completeScope(state, scope));
    }
  }

  /** Every token of a scope has ended: a sub-process leaves its node, the process instance ends. */
  async completeScope(state: InstanceState, scope: ExecutionRow): Promise<void> {
    if (scope.id === state.id) {
      await this.endInstance(state, 'completed');
      return;
    }
    scope.state = 'active';
    this.leaveByConditions(this.position(state, scope));
  }

  /** Ends the instance; a called instance hands its variables back and wakes its caller. */
  async endInstance(state: InstanceState, outcome: 'completed' | 'terminated', endActivityId: string | null = null): Promise<void> {
    for (const child of state.childrenOf(state.id)) this.cancelToken(state, child);
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
      this.setVariables(parent, mapVariables(callNode.outputs ?? [], state.variablesObject()), callNode.id);
      this.leaveByConditions({ state: parent, token: caller, node: callNode });
    }
  }

  /** Removes a token and everything hanging on it: child tokens, tasks, timers, subscriptions, a called instance. */
  cancelToken(state: InstanceState, token: ExecutionRow, removeToken = true): void {
    for (const child of state.childrenOf(token.id)) this.cancelToken(state, child);
    this.closeActivity(state, token, 'canceled');
    this.disarm(state, token);
    for (const task of [...state.tasks.values()]) if (task.executionId === token.id) this.endTask(state, task, 'canceled', this.actor);
    const called = [...this.states.values()].find((s) => s.instance.parentExecutionId === token.id && s.instance.state === 'active');
    if (called) this.schedule('terminate-called', () => this.endInstance(called, 'terminated'));
    else if (token.activityId && this.position(state, token).node.type === 'callActivity') {
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
   * An event the token armed happened: a boundary event of its activity, or (at an event-based
   * gateway or catch event) the event it waits for.
   */
  async eventOccurred(state: InstanceState, token: ExecutionRow, eventNodeId: string, signal: Signal): Promise<void> {
    const graph = this.graphOf(state);
    const eventNode = nodeOf(graph, eventNodeId);
    const at = this.position(state, token);
    if (signal.variables) this.setVariables(state, signal.variables, eventNodeId);
    if (eventNode.type === 'boundaryEvent') {
      this.fireBoundary(state, token, eventNode);
    } else if (at.node.type === 'eventBasedGateway') {
      const flowId = at.node.outgoing.find((f) => flowOf(graph, f).targetId === eventNodeId)!;
      this.closeActivity(state, token, 'completed');
      this.disarm(state, token);
      this.schedule('enter', () => this.enter(state, token, eventNodeId, flowId, signal));
    } else {
      await this.trigger(state, token, signal);
      return;
    }
    await this.run();
  }

  fireBoundary(state: InstanceState, host: ExecutionRow, boundary: FlowNode): void {
    if (boundary.cancelActivity) {
      for (const child of state.childrenOf(host.id)) this.cancelToken(state, child);
      this.cancelToken(state, host, false);
      host.state = 'active';
      this.schedule('enter', () => this.enter(state, host, boundary.id, null, {}));
      return;
    }
    const branch = this.newExecution(state.id, host.parentId, boundary.id, 'active');
    state.executions.set(branch.id, branch);
    if (boundary.timer?.kind === 'cycle') this.scheduleTimer(state, host, boundary, { cycleFired: true });
    this.schedule('enter', () => this.enter(state, branch, boundary.id, null, {}));
  }

  /**
   * A BPMN error thrown at `token`: the nearest enclosing sub-process or call activity with a
   * matching error boundary event catches it; uncaught, the token simply ends (as Camunda does).
   */
  async throwError(state: InstanceState, token: ExecutionRow, errorCode: string | undefined): Promise<void> {
    let current: { state: InstanceState; holder: ExecutionRow } | undefined = { state, holder: token };
    while (current) {
      const graph = this.graphOf(current.state);
      const holderNode = current.holder.activityId ? graph.nodes.get(current.holder.activityId) : undefined;
      const catcher = holderNode?.boundaryIds
        .map((id) => nodeOf(graph, id))
        .find((b) => b.event === 'error' && (b.errorCode === undefined || b.errorCode === errorCode));
      if (catcher) {
        this.fireBoundary(current.state, current.holder, catcher);
        return;
      }
      const scopeId: string | null = current.holder.parentId;
      const scope: ExecutionRow | undefined = scopeId ? current.state.executions.get(scopeId) : undefined;
      if (scope && scope.id !== current.state.id) {
        current = { state: current.state, holder: scope };
        continue;
      }
      // Reached the process scope: climb into the calling instance, if any.
      const parentInstanceId: string | null = current.state.instance.parentInstanceId;
      const parentExecutionId: string | null = current.state.instance.parentExecutionId;
      if (!parentInstanceId || !parentExecutionId) break;
      const parent: InstanceState | undefined = await this.load(parentInstanceId);
      const caller: ExecutionRow | undefined = parent?.executions.get(parentExecutionId);
      if (!parent || !caller) break;
      const callGraph = this.graphOf(parent);
      const callCatcher = nodeOf(callGraph, caller.activityId!).boundaryIds
        .map((id) => nodeOf(callGraph, id))
        .find((b) => b.event === 'error' && (b.errorCode === undefined || b.errorCode === errorCode));
      if (callCatcher) {
        await this.endInstance(current.state, 'terminated');
        this.fireBoundary(parent, caller, callCatcher);
        return;
      }
      current = { state: parent, holder: caller };
    }
    this.closeActivity(state, token, 'completed');
    this.schedule('end-token', () => this.endToken(state, token));
  }

  // ---- what behaviours use -------------------------------------------------------------------

  behaviour(node: FlowNode): Behaviour {
    return behaviourFor(node.type);
  }

  wait(token: ExecutionRow): void {
    token.state = 'waiting';
  }

  /** The outgoing flows to take: for gateways per their kind; for activities, all that hold. */
  chooseFlows(at: Position, mode: 'first' | 'all'): string[] {
    const graph = this.graphOf(at.state);
    const { node } = at;
    const variables = at.state.variablesObject();
    const chosen: string[] = [];
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const condition = flowOf(graph, flowId).condition;
      if (condition === undefined) {
        chosen.push(flowId);
      } else {
        const outcome = evaluateCondition(condition, variables);
        if (!outcome.ok) {
          throw new DomainError(ErrorCode.ProcessStuck, `${node.id}: ${outcome.reason}`, [
            { elementId: flowId, elementType: 'bpmn:SequenceFlow', message: outcome.reason },
          ]);
        }
        if (outcome.value) chosen.push(flowId);
      }
      if (mode === 'first' && chosen.length > 0) return chosen;
    }
    if (chosen.length === 0 && node.defaultFlowId) return [node.defaultFlowId];
    if (chosen.length === 0 && node.outgoing.length > 0) {
      const message = `no outgoing flow of ${node.id} matched and it has no default flow`;
      throw new DomainError(ErrorCode.ProcessStuck, message, [{ elementId: node.id, elementType: node.bpmnType, message }]);
    }
    return chosen;
  }

  setVariables(state: InstanceState, variables: Record<string, unknown>, activityId: string | null = null): void {
    for (const [name, value] of Object.entries(variables)) {
      state.variables.set(name, value);
      this.history.variableUpdates.push({ instanceId: state.id, name, value, at: this.now, byUser: this.actor, activityId });
    }
  }

  createTask(at: Position, kind: TaskRow['kind']): TaskRow {
    const { state, token, node } = at;
    const allowance = node.step.allowanceDays;
    const task: TaskRow = {
      id: this.ports.newId(),
      instanceId: state.id,
      executionId: token.id,
      elementId: node.id,
      name: node.name ?? null,
      kind,
      definitionId: state.instance.definitionId,
      definitionKey: state.instance.definitionKey,
      businessKey: state.instance.businessKey,
      departmentCode: node.step.departmentCode ?? null,
      role: node.step.role ?? null,
      assignee: node.step.assignee ?? pickedAssignee(state, node.step.assigneeVariable),
      createdAt: this.now,
      dueAt: allowance !== undefined && allowance > 0 ? this.ports.time.stepDueAt(this.now, allowance) : null,
      activityInstanceId: token.activityInstanceId!,
      revision: 0,
      suspended: false,
    };
    state.tasks.set(task.id, task);
    this.history.updateActivity(task.activityInstanceId, { taskId: task.id, dueAt: task.dueAt, assignee: task.assignee });
    this.history.openTask({
      id: task.id,
      instanceId: state.id,
      elementId: node.id,
      name: task.name,
      departmentCode: task.departmentCode,
      role: task.role,
      assignee: task.assignee,
      createdAt: this.now,
      dueAt: task.dueAt,
      endedAt: null,
      outcome: null,
      endedBy: null,
      allowanceDays: allowance ?? null,
      counted: node.step.counted,
    });
    this.events.push({ type: 'task.created', task });
    return task;
  }

  /** `opinion`: what the officer wrote (ý kiến on completion, the reason of a return), kept in history. */
  endTask(state: InstanceState, task: TaskRow, outcome: 'completed' | 'canceled' | 'returned', by: string | null, opinion?: string | null): void {
    state.tasks.delete(task.id);
    this.history.updateTask(task.id, { endedAt: this.now, outcome, endedBy: by, assignee: task.assignee, ...(opinion ? { opinion } : {}) });
    this.history.updateActivity(task.activityInstanceId, { assignee: task.assignee ?? by });
    this.events.push({ type: 'task.ended', task, outcome, by, ...(opinion ? { opinion } : {}) });
  }

  /** Arms an event for a token: a timer job or a message subscription, keyed by the event's node. */
  armEvent(state: InstanceState, token: ExecutionRow, eventNode: FlowNode): void {
    if (eventNode.event === 'timer') this.scheduleTimer(state, token, eventNode);
    if (eventNode.event === 'message' || eventNode.type === 'receiveTask') {
      const id = this.ports.newId();
      state.subscriptions.set(id, {
        id,
        type: 'message',
        eventName: eventNode.messageName!,
        businessKey: state.instance.businessKey,
        instanceId: state.id,
        executionId: token.id,
        elementId: eventNode.id,
        definitionId: state.instance.definitionId,
        createdAt: this.now,
      });
    }
  }

  scheduleTimer(state: InstanceState, token: ExecutionRow, eventNode: FlowNode, payload: Record<string, unknown> = {}): JobRow {
    const id = this.ports.newId();
    const job: JobRow = {
      id,
      type: 'timer',
      instanceId: state.id,
      executionId: token.id,
      elementId: eventNode.id,
      definitionId: state.instance.definitionId,
      dueAt: this.timerDueAt(eventNode, this.now),
      retries: 3,
      payload,
      createdAt: this.now,
    };
    state.jobs.set(id, job);
    return job;
  }

  timerDueAt(eventNode: FlowNode, from: Date): Date {
    const timer = eventNode.timer!;
    if (timer.kind === 'date') return parseDate(timer.expression)!;
    const duration: Duration = timer.kind === 'duration' ? parseDuration(timer.expression)! : parseCycle(timer.expression)!.interval;
    return timer.workingTime
      ? this.ports.time.addWorkingTime(from, workingDurationMs(duration))
      : new Date(from.getTime() + durationMs(duration));
  }

  newExecution(instanceId: string, parentId: string | null, activityId: string | null, state: ExecutionRow['state']): ExecutionRow {
    return { id: this.ports.newId(), instanceId, parentId, activityId, state, incomingFlowId: null, activityInstanceId: null, createdAt: this.now };
  }

  closeActivity(state: InstanceState, token: ExecutionRow, outcome: 'completed' | 'canceled'): void {
    if (!token.activityInstanceId) return;
    this.history.updateActivity(token.activityInstanceId, { endedAt: this.now, state: outcome });
    const node = token.activityId ? this.graphOf(state).nodes.get(token.activityId) : undefined;
    if (node) this.events.push({ type: 'activity.ended', instanceId: state.id, activityId: node.id, activityType: node.type, canceled: outcome === 'canceled' });
    token.activityInstanceId = null;
  }

  /** Removes the timers and subscriptions a token armed at its current node. */
  disarm(state: InstanceState, token: ExecutionRow): void {
    for (const job of [...state.jobs.values()]) if (job.executionId === token.id) state.jobs.delete(job.id);
    for (const sub of [...state.subscriptions.values()]) if (sub.executionId === token.id) state.subscriptions.delete(sub.id);
  }

  // ---- inclusive joins ---------------------------------------------------------------------------

  /** Fires the inclusive joins that no token can reach any more. Returns whether any fired. */
  private fireSatisfiedInclusiveJoins(): boolean {
    let fired = false;
    for (const state of this.states.values()) {
      if (state.instance.state !== 'active') continue;
      const graph = this.graphOf(state);
      const waiting = [...state.executions.values()].filter((e) => e.state === 'joining' && graph.nodes.get(e.activityId!)?.type === 'inclusiveGateway');
      const seen = new Set<string>();
      for (const token of waiting) {
        const key = `${token.parentId}:${token.activityId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (this.inclusiveJoinMayFire(state, token)) {
          this.mergeJoin(this.position(state, token), 'inclusive');
          fired = true;
        }
      }
    }
    return fired;
  }

  inclusiveJoinMayFire(state: InstanceState, token: ExecutionRow): boolean {
    const graph = this.graphOf(state);
    const upstream = graph.upstreamOf.get(token.activityId!);
    if (!upstream) return true;
    for (const other of state.childrenOf(token.parentId!)) {
      if (other.activityId === token.activityId && other.state === 'joining') continue;
      if (other.activityId && upstream.has(other.activityId)) return false;
    }
    return true;
  }

  /** Merges the tokens parked at a join into one, which leaves by the gateway's outgoing flows. */
  mergeJoin(at: Position, kind: 'parallel' | 'inclusive'): void {
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
      this.closeActivity(state, e, 'completed');
      state.executions.delete(e.id);
    }
    survivor.state = 'active';
    const outgoing = kind === 'parallel' ? node.outgoing : this.chooseFlows({ state, token: survivor, node }, 'all');
    this.leave({ state, token: survivor, node }, outgoing);
  }
}

/** The officer an earlier step picked for this one (a form's `officer` field), if it holds a name. */
function pickedAssignee(state: InstanceState, variable: string | undefined): string | null {
  if (!variable) return null;
  const value = state.variables.get(variable);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
