/**
 * The flow graph the metrics read: plain data, no moddle objects. Structurally a subset of the
 * engine's ProcedureGraph (apps/engine/src/model/procedure-graph.ts), so the engine can pass its
 * cached graph of a deployed definition as it is; `readStepGraph` builds one from XML.
 */
export interface StepGraphNode {
  id: string;
  /** Lower-camel BPMN type: `userTask`, `exclusiveGateway`, `subProcess`, … */
  type: string;
  name?: string;
  /** The process id or the id of the enclosing sub-process. */
  scopeId: string;
  incoming: readonly string[];
  outgoing: readonly string[];
  /** Boundary events: the activity they hang on. */
  attachedToId?: string;
  /** Call activities: the key of the process called. */
  calledElement?: string;
  step: {
    /** As libs/bpmn-schema's step reader decides: own `od:department`, candidate group, lane. */
    departmentCode?: string;
    /** Multi-instance steps: the departments of the instances when the diagram lists them. */
    departmentCodes?: readonly string[];
    multiInstance?: boolean;
    role?: string;
    allowanceDays?: number;
    counted: boolean;
    complianceCost?: number;
  };
}

export interface StepGraphFlow {
  id: string;
  sourceId: string;
  targetId: string;
  condition?: string;
}

export interface StepGraph {
  /** The process id (definition key). */
  key: string;
  name?: string;
  procedure: { procedureCode?: string; statutoryDays?: number };
  /** In document order. */
  nodes: ReadonlyMap<string, StepGraphNode>;
  flows: ReadonlyMap<string, StepGraphFlow>;
}
