/**
 * The immutable, validated procedure graph the runtime executes. Produced once per definition by
 * the parser and cached by definition id; nothing here refers back to bpmn-moddle objects.
 */

export type NodeType =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'manualTask'
  | 'receiveTask'
  | 'serviceTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'callActivity'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'sendTask'
  | 'businessRuleTask'
  | 'scriptTask'
  /** A sub-process with `triggeredByEvent="true"`: started by its start event, never by a flow. */
  | 'eventSubProcess';

export type EventKind = 'none' | 'timer' | 'message' | 'error' | 'terminate' | 'signal' | 'escalation' | 'conditional' | 'link' | 'compensate';

/**
 * Multi-instance (`multiInstanceLoopCharacteristics`) or a standard loop
 * (`standardLoopCharacteristics`) on an activity. Expressions are FEEL sources.
 */
export interface LoopSpec {
  kind: 'multiInstance' | 'standard';
  sequential: boolean;
  /** How many instances: `loopCardinality`. */
  cardinality?: string;
  /** The list iterated: `camunda:collection` or `zeebe:loopCharacteristics inputCollection`. */
  collection?: string;
  /** The variable each instance sees its item as (`camunda:elementVariable`, `inputElement`). */
  elementVariable?: string;
  /** Zeebe: the list the instances' `outputElement` values are gathered into. */
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
  /** Standard loops: repeat while this holds (after each run, or before with testBefore). */
  loopCondition?: string;
  testBefore?: boolean;
  loopMaximum?: number;
}

export interface TimerSpec {
  kind: 'duration' | 'date' | 'cycle';
  expression: string;
  /** `od:workingTime="true"`: the duration runs on the working calendar. */
  workingTime: boolean;
}

export interface VariableMapping {
  source?: string;
  target?: string;
  /** `variables="all"`: copy every variable. */
  all?: boolean;
}

export interface StepAttributes {
  departmentCode?: string;
  /** `od:department="= expr"`: FEEL evaluated per instance (the consultation's `= donVi`). */
  departmentExpression?: string;
  /** Multi-instance steps: the departments of the instances when the diagram lists them (for metrics). */
  departmentCodes?: string[];
  multiInstance?: boolean;
  role?: string;
  allowanceDays?: number;
  counted: boolean;
  removalProposed: boolean;
  removalReason?: string;
  legalBasis?: string;
  complianceCost?: number;
  assignee?: string;
  /** The variable naming this step's assignee: a pick on an earlier step's form (`assigns`) or `camunda:assignee="${x}"`. */
  assigneeVariable?: string;
}

export type FormFieldType = 'text' | 'textarea' | 'number' | 'date' | 'boolean' | 'select' | 'officer' | 'decision';
export type FormValue = string | number | boolean;

/** One field of a step's form as the designer declared it (`od:formField`). */
export interface FormFieldDefinition {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** The process variable the value is stored in (what conditions and later steps read). */
  variable: string;
  options?: { value: FormValue; label: string }[];
  /** type `officer`: the user task whose assignee the pick becomes. */
  assigns?: string;
  description?: string;
}

/** A document of the dossier the desk checks at reception (`od:dossierComponent`). */
export interface DossierComponentDefinition {
  id: string;
  name: string;
  required: boolean;
  copies?: string;
  /** The blank form the applicant fills in, when the procedure publishes one. */
  template?: string;
  /** What the paper is across procedures (default: the id); reuse matches on it. */
  kind: string;
  /** Months a digitised copy may be reused; undefined: no expiry. */
  validMonths?: number;
}

export interface FlowNode {
  id: string;
  type: NodeType;
  /** The BPMN type as written, e.g. `bpmn:UserTask`, for error messages and history. */
  bpmnType: string;
  name?: string;
  /** Id of the enclosing scope: the process id or an embedded sub-process id. */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  event: EventKind;
  timer?: TimerSpec;
  messageName?: string;
  errorCode?: string;
  /** Boundary events only. */
  attachedToId?: string;
  cancelActivity?: boolean;
  /** Ids of boundary events attached to this activity. */
  boundaryIds: string[];
  defaultFlowId?: string;
  step: StepAttributes;
  /** Call activities. */
  calledElement?: string;
  inputs?: VariableMapping[];
  outputs?: VariableMapping[];
  /** Service tasks: `od:handler`, absent = no-op. */
  handler?: string;
  /** Sub-processes: their none start event. */
  startEventId?: string;
  /** User and manual tasks: the fields of the step's form (`od:formField`), in order. */
  form?: FormFieldDefinition[];
  loop?: LoopSpec;
  signalName?: string;
  escalationCode?: string;
  /** Conditional events: the FEEL condition. */
  condition?: string;
  /** Link events: the link name (a throw jumps to the catch of the same name in its scope). */
  linkName?: string;
  /** Link throws: the catch event they jump to (set by validation). */
  linkTargetId?: string;
  /** Start events of event sub-processes: whether the scope's other work is cancelled. */
  interrupting?: boolean;
  /** Scopes (sub-processes, event sub-processes): the event sub-processes they hold. */
  eventSubProcessIds?: string[];
  /** Compensation throw: the activity to compensate (none: every completed one of the scope). */
  compensateActivityId?: string;
  /** Compensation boundary events: the handler activity their association points to. */
  compensationHandlerId?: string;
  /** Activities with `isForCompensation="true"`: run only by a compensation throw. */
  isForCompensation?: boolean;
  /** Script tasks: the FEEL source; business rule tasks: where the result goes. */
  script?: string;
  resultVariable?: string;
  /** Business rule tasks: the decision key and how its result is mapped (Camunda's names). */
  decisionKey?: string;
  mapDecisionResult?: 'singleEntry' | 'singleResult' | 'collectEntries' | 'resultList' | 'natural';
  /** Message throw events and send tasks, signal throws: variables passed (`camunda:in`). */
  payload?: VariableMapping[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL source without the optional leading `=`. */
  condition?: string;
}

export interface ProcedureAttributes {
  procedureCode?: string;
  statutoryDays?: number;
  field?: string;
  agencyCode?: string;
  supplementPolicy: 'restart' | 'pause';
  /** `od:fee`: what a dossier pays at the payment gate, in VND. */
  fee?: number;
  /** The dossier's documents (`od:dossierComponent`), in order. */
  components?: DossierComponentDefinition[];
}

export interface ProcedureGraph {
  /** The process id: the definition key. */
  key: string;
  name?: string;
  procedure: ProcedureAttributes;
  nodes: ReadonlyMap<string, FlowNode>;
  flows: ReadonlyMap<string, SequenceFlow>;
  /** Start events of the process scope (not of sub-processes). */
  startEventIds: string[];
  /** Event sub-processes directly in the process scope. */
  eventSubProcessIds: string[];
  /**
   * For each inclusive-gateway join: the nodes (same scope) from which a token could still reach
   * it without passing through it. Used to decide whether the join may fire.
   */
  upstreamOf: ReadonlyMap<string, ReadonlySet<string>>;
}

export function node(graph: ProcedureGraph, id: string): FlowNode {
  const found = graph.nodes.get(id);
  if (!found) throw new Error(`Unknown element ${id} in ${graph.key}`);
  return found;
}

export function flow(graph: ProcedureGraph, id: string): SequenceFlow {
  const found = graph.flows.get(id);
  if (!found) throw new Error(`Unknown sequence flow ${id} in ${graph.key}`);
  return found;
}
