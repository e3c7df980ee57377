import { DomainError, ErrorCode, type ErrorDetail } from '../shared/domain-error.js';
import { feelSource, feelSyntaxError } from './feel.js';
import { readBpmnXml, type ModdleElement } from './moddle.js';
import type { EventKind, FlowNode, NodeType, ProcedureGraph, SequenceFlow, TimerSpec, VariableMapping } from './procedure-graph.js';
import { parseCycle, parseDate, parseDuration } from './timer-expression.js';
import { computeInclusiveUpstream } from './reachability.js';
import { validateGraph } from './graph-validation.js';
import { assigneeVariableOf, linkStepForms, readDossierComponents, readFormFields } from './step-forms.js';

export interface ParsedDeploymentResource {
  graphs: ProcedureGraph[];
  /** Keys the call activities of these graphs call (to be checked against deployed keys). */
  calledKeys: { elementId: string; key: string }[];
  warnings: string[];
}

const TYPE_BY_BPMN: Record<string, NodeType> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
};

/** Event definitions each event type may carry (`none` = no definition). */
const ALLOWED_EVENTS: Partial<Record<NodeType, EventKind[]>> = {
  startEvent: ['none', 'timer', 'message'],
  endEvent: ['none', 'terminate', 'error'],
  intermediateCatchEvent: ['timer', 'message'],
  boundaryEvent: ['timer', 'message', 'error'],
};

const EVENT_BY_DEFINITION: Record<string, EventKind> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** Things a diagram may hold that carry no behaviour: read past them. */
const ARTIFACTS = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
]);

const short = (bpmnType: string) => bpmnType.replace(/^bpmn:/, '');

/**
 * Parses one BPMN file into validated procedure graphs, one per executable process.
 * Refuses with every problem found (element id, BPMN type, reason), not just the first, so a
 * designer can fix a diagram in one round.
 */
export async function parseBpmn(xml: string): Promise<ParsedDeploymentResource> {
  let read;
  try {
    read = await readBpmnXml(xml);
  } catch (error) {
    throw new DomainError(ErrorCode.DeploymentRefused, 'The file is not BPMN 2.0 XML', [
      { message: `XML could not be read: ${(error as Error).message}` },
    ]);
  }
  const { definitions, warnings } = read;
  const processes: ModdleElement[] = (definitions.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
  if (processes.length === 0) {
    throw new DomainError(ErrorCode.DeploymentRefused, 'The file holds no process', [
      { elementId: definitions.id, elementType: 'bpmn:Definitions', message: 'no bpmn:process element' },
      ...warnings.map((message) => ({ message: `XML reader: ${message}` })),
    ]);
  }
  const executable = processes.filter((p) => p.isExecutable !== false);
  const details: ErrorDetail[] = [];
  if (executable.length === 0) {
    for (const p of processes) {
      details.push({ elementId: p.id, elementType: 'bpmn:Process', message: 'isExecutable="false": the process is documentation, not something to run' });
    }
  }
  const graphs: ProcedureGraph[] = [];
  const calledKeys: { elementId: string; key: string }[] = [];
  // A file with no executable process is still checked in full, so the designer learns every
  // element that would stop it from running once marked executable.
  for (const process of executable.length > 0 ? executable : processes) {
    const graph = buildGraph(process, details, calledKeys);
    graphs.push(graph);
  }
  if (details.length > 0) {
    throw new DomainError(
      ErrorCode.DeploymentRefused,
      `The procedure can't run: ${details.length} problem${details.length > 1 ? 's' : ''}`,
      [...details, ...warnings.map((message) => ({ message: `XML reader: ${message}` }))],
    );
  }
  return { graphs, calledKeys, warnings };
}

function buildGraph(process: ModdleElement, details: ErrorDetail[], calledKeys: { elementId: string; key: string }[]): ProcedureGraph {
  const nodes = new Map<string, FlowNode>();
  const flows = new Map<string, SequenceFlow>();
  const laneDepartment = collectLaneDepartments(process);
  const refuse = (element: ModdleElement, message: string) =>
    details.push({ elementId: element.id, elementType: element.$type, message });

  let unsupported = false;
  const visitScope = (container: ModdleElement, scopeId: string) => {
    for (const element of container.flowElements ?? []) {
      const type = element.$type as string;
      if (type === 'bpmn:SequenceFlow') {
        flows.set(element.id, readFlow(element, refuse));
        continue;
      }
      if (ARTIFACTS.has(type)) continue;
      const nodeType = TYPE_BY_BPMN[type];
      if (!nodeType) {
        unsupported = true;
        refuse(element, `${short(type)} is not supported by the engine (supported: ${Object.keys(TYPE_BY_BPMN).map(short).join(', ')})`);
        continue;
      }
      if (type === 'bpmn:SubProcess' && element.triggeredByEvent) {
        unsupported = true;
        refuse(element, 'event sub-processes are not supported; use a boundary event on the activity instead');
        continue;
      }
      if (element.loopCharacteristics) {
        refuse(element, `${short(element.loopCharacteristics.$type)} (loops and multi-instance) is not supported`);
      }
      const built = readNode(element, nodeType, scopeId, laneDepartment, refuse);
      nodes.set(built.id, built);
      if (built.calledElement) calledKeys.push({ elementId: built.id, key: built.calledElement });
      if (nodeType === 'subProcess') visitScope(element, element.id);
    }
  };
  visitScope(process, process.id);

  // Wire flows to nodes after all nodes exist (flows may precede their nodes in the XML).
  for (const f of flows.values()) {
    const source = nodes.get(f.sourceId);
    const target = nodes.get(f.targetId);
    if (!source || !target) continue; // reported by readFlow or by the unsupported node
    source.outgoing.push(f.id);
    target.incoming.push(f.id);
  }
  for (const n of nodes.values()) {
    if (n.type === 'boundaryEvent' && n.attachedToId) nodes.get(n.attachedToId)?.boundaryIds.push(n.id);
  }

  const graph: ProcedureGraph = {
    key: process.id,
    name: process.name,
    procedure: {
      procedureCode: process.procedureCode,
      statutoryDays: numberOrUndefined(process.statutoryDays),
      field: process.field,
      agencyCode: process.agencyCode,
      supplementPolicy: process.supplementPolicy === 'pause' ? 'pause' : 'restart',
      components: readDossierComponents(process, refuse),
    },
    nodes,
    flows,
    startEventIds: [...nodes.values()].filter((n) => n.type === 'startEvent' && n.scopeId === process.id).map((n) => n.id),
    upstreamOf: new Map(),
  };
  if (process.supplementPolicy && !['restart', 'pause'].includes(process.supplementPolicy)) {
    refuse(process, `od:supplementPolicy must be "restart" or "pause", not "${process.supplementPolicy}"`);
  }
  validateGraph(graph, details, { skipReachability: unsupported });
  linkStepForms(graph, details);
  (graph as { upstreamOf: ReadonlyMap<string, ReadonlySet<string>> }).upstreamOf = computeInclusiveUpstream(graph);
  return graph;
}

function readFlow(element: ModdleElement, refuse: (e: ModdleElement, m: string) => void): SequenceFlow {
  const sourceId = element.sourceRef?.id;
  const targetId = element.targetRef?.id;
  if (!sourceId || !targetId) refuse(element, 'the sequence flow lacks a valid sourceRef or targetRef');
  let condition: string | undefined;
  const expression = element.conditionExpression;
  if (expression) {
    if (expression.language && !/feel/i.test(expression.language)) {
      refuse(element, `condition language "${expression.language}" is not supported; write FEEL`);
    } else {
      condition = feelSource(expression.body ?? '');
      const problem = feelSyntaxError(condition);
      if (problem) refuse(element, problem);
    }
  }
  return { id: element.id, name: element.name, sourceId, targetId, condition };
}

function readNode(
  element: ModdleElement,
  type: NodeType,
  scopeId: string,
  laneDepartment: Map<string, string>,
  refuse: (e: ModdleElement, m: string) => void,
): FlowNode {
  const definitions: ModdleElement[] = element.eventDefinitions ?? [];
  let event: EventKind = 'none';
  let timer: TimerSpec | undefined;
  let messageName: string | undefined;
  let errorCode: string | undefined;
  if (definitions.length > 1) refuse(element, 'an event with several event definitions is not supported');
  const definition = definitions[0];
  if (definition) {
    const kind = EVENT_BY_DEFINITION[definition.$type];
    if (!kind) {
      refuse(element, `${short(definition.$type)} on ${short(element.$type)} is not supported`);
    } else {
      event = kind;
      if (kind === 'timer') timer = readTimer(element, definition, refuse);
      if (kind === 'message') messageName = readMessageName(element, definition.messageRef, refuse);
      if (kind === 'error') errorCode = definition.errorRef?.errorCode ?? definition.errorRef?.id;
    }
  }
  const allowed = ALLOWED_EVENTS[type];
  if (allowed && definition && EVENT_BY_DEFINITION[definition.$type] && !allowed.includes(event)) {
    refuse(element, `a ${event} ${short(element.$type)} is not supported`);
  }
  if (type === 'receiveTask') messageName = readMessageName(element, element.messageRef, refuse);

  const ext = extensionValues(element);
  const candidateGroups: string | undefined = element.candidateGroups;
  const department: string | undefined =
    element.department || laneDepartment.get(element.id) || (candidateGroups ? candidateGroups.split(',')[0].trim() : undefined);

  const built: FlowNode = {
    id: element.id,
    type,
    bpmnType: element.$type,
    name: element.name,
    scopeId,
    incoming: [],
    outgoing: [],
    event,
    timer,
    messageName,
    errorCode,
    boundaryIds: [],
    defaultFlowId: element.default?.id,
    step: {
      departmentCode: department || undefined,
      role: element.role || undefined,
      allowanceDays: numberOrUndefined(element.allowanceDays),
      counted: element.counted !== false,
      removalProposed: element.removalProposed === true,
      removalReason: element.removalReason || undefined,
      legalBasis: element.legalBasis || undefined,
      complianceCost: numberOrUndefined(element.complianceCost),
      assignee: element.assignee && !assigneeVariableOf(element.assignee) ? element.assignee : undefined,
      assigneeVariable: assigneeVariableOf(element.assignee),
    },
    form: readFormFields(element, refuse),
  };
  if (type === 'boundaryEvent') {
    built.attachedToId = element.attachedToRef?.id;
    built.cancelActivity = element.cancelActivity !== false;
    if (!built.attachedToId) refuse(element, 'the boundary event is attached to no activity');
  }
  if (type === 'callActivity') {
    built.calledElement = element.calledElement || undefined;
    if (!built.calledElement) refuse(element, 'the call activity names no process (calledElement)');
    const inputs = ext.filter((v) => v.$type === 'camunda:In').map(readMapping);
    const outputs = ext.filter((v) => v.$type === 'camunda:Out').map(readMapping);
    // No mapping at all: pass everything both ways, the least surprising default for a sub-procedure.
    built.inputs = inputs.length ? inputs : [{ all: true }];
    built.outputs = outputs.length ? outputs : [{ all: true }];
  }
  if (type === 'serviceTask') {
    built.handler = element.handler || undefined;
    for (const attr of ['class', 'delegateExpression', 'expression', 'type']) {
      if (element[attr]) refuse(element, `camunda:${attr} names Java or external code the engine can't run; use od:handler with a registered handler`);
    }
  }
  if (type === 'userTask' && !built.step.departmentCode) {
    refuse(element, 'the user task has no department: set od:department on it or on its lane (or camunda:candidateGroups)');
  }
  if (built.step.allowanceDays !== undefined && !(built.step.allowanceDays >= 0)) {
    refuse(element, `od:allowanceDays must be a number of working days ≥ 0`);
  }
  return built;
}

function readTimer(element: ModdleElement, definition: ModdleElement, refuse: (e: ModdleElement, m: string) => void): TimerSpec | undefined {
  const candidates: [TimerSpec['kind'], ModdleElement][] = [
    ['duration', definition.timeDuration],
    ['date', definition.timeDate],
    ['cycle', definition.timeCycle],
  ];
  const present = candidates.filter(([, e]) => e && (e.body ?? '').trim() !== '');
  if (present.length !== 1) {
    refuse(element, 'a timer needs exactly one of timeDuration, timeDate or timeCycle');
    return undefined;
  }
  const [kind, expressionElement] = present[0];
  const expression = String(expressionElement.body).trim();
  const valid =
    kind === 'duration' ? parseDuration(expression) : kind === 'date' ? parseDate(expression) : parseCycle(expression);
  if (!valid) refuse(element, `"${expression}" is not an ISO 8601 ${kind === 'duration' ? 'duration (e.g. P2D, PT4H)' : kind === 'date' ? 'date-time' : 'cycle (e.g. R3/PT1H)'}`);
  return { kind, expression, workingTime: expressionElement.workingTime === true };
}

function readMessageName(element: ModdleElement, messageRef: ModdleElement, refuse: (e: ModdleElement, m: string) => void): string | undefined {
  const name = messageRef?.name || messageRef?.id;
  if (!name) refuse(element, 'the message event names no message (messageRef)');
  return name;
}

function readMapping(value: ModdleElement): VariableMapping {
  if (value.variables === 'all') return { all: true };
  return { source: value.source, target: value.target || value.source };
}

function extensionValues(element: ModdleElement): ModdleElement[] {
  return element.extensionElements?.values ?? [];
}

function collectLaneDepartments(process: ModdleElement): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (laneSet: ModdleElement, inherited?: string) => {
    for (const lane of laneSet?.lanes ?? []) {
      const department = lane.department || inherited;
      for (const ref of lane.flowNodeRef ?? []) if (department) result.set(ref.id, department);
      // Nested lanes refine the department of their parent lane.
      if (lane.childLaneSet) visit(lane.childLaneSet, department);
    }
  };
  for (const laneSet of process.laneSets ?? []) visit(laneSet);
  return result;
}

function numberOrUndefined(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}
