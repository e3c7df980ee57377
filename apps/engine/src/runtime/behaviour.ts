import type { FlowNode } from '../model/procedure-graph.js';
import type { InstanceState } from './instance-state.js';
import type { ExecutionRow } from './rows.js';
import type { Runtime } from './runtime.js';

/** Where a token is: the instance, the token and the node it stands on. */
export interface Position {
  state: InstanceState;
  token: ExecutionRow;
  node: FlowNode;
}

/** What a waiting node was woken by. */
export interface Signal {
  variables?: Record<string, unknown>;
  actor?: string | null;
}

/**
 * One per BPMN element type (like Camunda's ActivityBehavior). A behaviour decides what a
 * token does at its node: wait, or leave by some flows. It never touches the database.
 */
export interface Behaviour {
  /** A token arrives. `triggered`: the event it would wait for already happened (event-based gateway). */
  enter(rt: Runtime, at: Position, triggered?: Signal): Promise<void> | void;
  /** The thing the token waits for happened. */
  trigger?(rt: Runtime, at: Position, signal: Signal): Promise<void> | void;
}
