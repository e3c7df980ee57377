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

export interface RuntimePorts {
  definitions: DefinitionSource;
  instances: InstanceLoader;
  time: TimeRules;
  handlers: ReadonlyMap<string, ServiceHandler>;
  newId(): string;
}
