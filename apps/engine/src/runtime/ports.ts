import type { ProcedureGraph } from '../model/procedure-graph.js';
import type { LoadedInstance } from './instance-state.js';

/** A deployed, versioned procedure as the runtime needs it. */
export interface Definition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  graph: ProcedureGraph;
}

export interface DefinitionSource {
  byId(id: string): Promise<Definition>;
  latestByKey(key: string): Promise<Definition | undefined>;
}

/** Loads instances for a command, locking each one's row until the command's transaction ends. */
export interface InstanceLoader {
  lockAndLoad(instanceId: string): Promise<LoadedInstance | undefined>;
  /** Locks and loads the instance an open task belongs to. */
  lockAndLoadByTask(taskId: string): Promise<LoadedInstance | undefined>;
  /** The child instance a call activity's token waits for. */
  calledInstanceOf(executionId: string): Promise<string | undefined>;
}

/** Turns allowances and timer durations into instants (the engine builds these from the working calendar). */
export interface TimeRules {
  /** When a step with `allowanceDays` started at `start` is due. */
  stepDueAt(start: Date, allowanceDays: number): Date;
  /** Adds a working-time amount in ms (for `od:workingTime` timers). */
  addWorkingTime(start: Date, ms: number): Date;
}

/** Code a service task runs (`od:handler`). Returns variables to set; throws BpmnError to raise a BPMN error. */
export type ServiceHandler = (input: { variables: Record<string, unknown>; instanceId: string; businessKey: string | null; elementId: string }) =>
  | Record<string, unknown>
  | void;

export class BpmnError extends Error {
  constructor(
    readonly errorCode: string,
    message?: string,
  ) {
    super(message ?? `BPMN error ${errorCode}`);
  }
}

/** A message thrown by a send task or message throw/end event. */
export interface ThrownMessage {
  name: string;
  businessKey: string | null;
  variables: Record<string, unknown>;
  fromInstanceId: string;
  fromElementId: string;
}

/**
 * Events that leave the instances a command holds: they are written down in the command's
 * transaction (jobs, outbox rows) and delivered each in a command of its own, once, by
 * whichever node takes the job — so a broadcast never locks a thousand dossiers at once.
 */
export interface EventBus {
  /** Queues a signal for every waiting subscription and signal start event outside `except`; returns how many. */
  broadcastSignal(signal: { name: string; variables: Record<string, unknown>; except: string[] }): Promise<number>;
  /** A message goes to the instance waiting for it, else starts the process whose start event waits for it, else into the outbox. */
  sendMessage(message: ThrownMessage, except: string[]): Promise<'correlated' | 'started' | 'outbox'>;
}

/** Evaluates the DMN decision a business rule task names, mapped as the task says. */
export interface DecisionSource {
  evaluate(node: import('../model/procedure-graph.js').FlowNode, variables: Record<string, unknown>): Promise<unknown>;
}

export interface RuntimePorts {
  definitions: DefinitionSource;
  decisions?: DecisionSource;
  events: EventBus;
  instances: InstanceLoader;
  time: TimeRules;
  handlers: ReadonlyMap<string, ServiceHandler>;
  newId(): string;
}
