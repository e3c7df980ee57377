import { DomainError, ErrorCode, type ErrorDetail } from '../shared/domain-error.js';
import { hasDepartment, loopDepartments, readStepAttributes } from '@onedoor/bpmn-schema';
import { feelText, readFeel } from './feel-expression.js';
import { readBpmnXml, type ModdleElement } from './moddle.js';
import type { EventKind, FlowNode, NodeType, ProcedureGraph, SequenceFlow, TimerSpec, VariableMapping } from './procedure-graph.js';
import { parseCycle, parseDate, parseDuration } from './timer-expression.js';
import { computeInclusiveUpstream } from './reachability.js';
import { validateGraph } from './graph-validation.js';
import { assigneeVariableOf, linkStepForms, readDossierComponents, readFormFields } from './step-forms.js';
import { readLoop } from './loop-characteristics.js';

export interface ParsedDeploymentResource {
  graphs: ProcedureGraph[];
  /** Keys the call activities of these graphs call (to be checked against deployed keys). */
  calledKeys: { elementId: string; key: string }[];
  /** Decisions the business rule tasks evaluate (deployed beside, or before). */
  decisionKeys: { elementId: string; key: string }[];
  warnings: string[];
}

const TYPE_BY_BPMN: Record<string, NodeType> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
};

/** Event definitions each event type may carry (`none` = no definition). */
const ALLOWED_EVENTS: Partial<Record<NodeType, EventKind[]>> = {
  startEvent: ['none', 'timer', 'message', 'signal', 'conditional'],
  endEvent: ['none', 'terminate', 'error', 'escalation', 'signal', 'message', 'compensate'],
  intermediateCatchEvent: ['timer', 'message', 'signal', 'conditional', 'link'],
  intermediateThrowEvent: ['none', 'signal', 'escalation', 'message', 'link', 'compensate'],
  boundaryEvent: ['timer', 'message', 'error', 'signal', 'escalation', 'conditional', 'compensate'],
};

/** Start events of event sub-processes may also catch what is thrown inside their scope. */
const EVENT_SUB_PROCESS_STARTS: EventKind[] = ['timer', 'message', 'signal', 'conditional', 'error', 'escalation', 'compensate'];

const EVENT_BY_DEFINITION: Record<string, EventKind> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensate',
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

const LOOPABLE = new Set<NodeType>(['userTask', 'manualTask', 'receiveTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'task', 'subProcess', 'callActivity']);

const short = (bpmnType: string) => bpmnType.replace(/^bpmn:/, '');

type Refuse = (element: ModdleElement, message: string) => void;

/**
 * Parses one BPMN file into validated procedure graphs, one per executable process.
 * Refuses with every problem found (element id, BPMN type, reason), not just the first, so a
 * designer can fix a diagram in one round. Non-executable processes beside executable ones (the
 * other pools of a collaboration) are skipped with a warning; a file with nothing executable is
 * refused.
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
  const { definitions } = read;
  const warnings = [...read.warnings];
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
  } else {
    for (const p of processes.filter((p) => p.isExecutable === false)) {
      warnings.push(`process ${p.id}${p.name ? ` (${p.name})` : ''} is not executable (isExecutable="false"): skipped`);
    }
  }
  // A file may declare XPath (or another language) for all its expressions at the top.
  // (bpmn-moddle defaults it to XPath: only a language written in the file counts.)
  const language: string | undefined = Object.prototype.hasOwnProperty.call(definitions, 'expressionLanguage') ? definitions.expressionLanguage : undefined;
  if (language && !/feel/i.test(language) && language !== 'http://www.omg.org/spec/FEEL/20140401') {
    for (const process of processes) inheritLanguage(process, language);
  }
  const graphs: ProcedureGraph[] = [];
  const calledKeys: { elementId: string; key: string }[] = [];
  const decisionKeys: { elementId: string; key: string }[] = [];
  // A file with no executable process is still checked in full, so the designer learns every
  // element that would stop it from running once marked executable.
  for (const process of executable.length > 0 ? executable : processes) {
    const graph = buildGraph(process, details, calledKeys, decisionKeys, warnings);
    graphs.push(graph);
  }
  if (details.length > 0) {
    throw new DomainError(
      ErrorCode.DeploymentRefused,
      `The procedure can't run: ${details.length} problem${details.length > 1 ? 's' : ''}`,
      [...details, ...read.warnings.map((message) => ({ message: `XML reader: ${message}` }))],
    );
  }
  return { graphs, calledKeys, decisionKeys, warnings };
}

function buildGraph(
  process: ModdleElement,
  details: ErrorDetail[],
  calledKeys: { elementId: string; key: string }[],
  decisionKeys: { elementId: string; key: string }[],
  warnings: string[],
): ProcedureGraph {
  const nodes = new Map<string, FlowNode>();
  const flows = new Map<string, SequenceFlow>();
  const refuse: Refuse = (element, message) => details.push({ elementId: element.id, elementType: element.$type, message });
  const eventSubProcessIds: string[] = [];
  const associations = collectAssociations(process);

  let unsupported = false;
  const visitScope = (container: ModdleElement, scopeId: string, scopeEventSubProcesses: string[]) => {
    for (const element of container.flowElements ?? []) {
      const type = element.$type as string;
      if (type === 'bpmn:SequenceFlow') {
        flows.set(element.id, readFlow(element, refuse));
        continue;
      }
      if (ARTIFACTS.has(type)) continue;
      let nodeType = TYPE_BY_BPMN[type];
      if (!nodeType) {
        unsupported = true;
        refuse(element, `${short(type)} is not supported by the engine (supported: ${Object.keys(TYPE_BY_BPMN).map(short).join(', ')})`);
        continue;
      }
      if (type === 'bpmn:SubProcess' && element.triggeredByEvent) nodeType = 'eventSubProcess';
      const built = readNode(element, nodeType, scopeId, refuse, warnings);
      if (element.loopCharacteristics) {
        if (!LOOPABLE.has(nodeType)) refuse(element, `a ${short(element.$type)} can't loop or run as multi-instance`);
        else built.loop = readLoop(element, element.loopCharacteristics, refuse);
        if (built.loop?.kind === 'multiInstance') {
          built.step.multiInstance = true;
          const departments = loopDepartments(element, built.step.departmentExpression);
          if (departments) built.step.departmentCodes = departments;
        }
      }
      const handler = associations.get(element.id);
      if (built.type === 'boundaryEvent' && built.event === 'compensate') {
        built.compensationHandlerId = handler;
        if (!handler) refuse(element, 'the compensation boundary event is associated with no compensation handler (an activity with isForCompensation="true")');
      }
      nodes.set(built.id, built);
      if (built.calledElement) calledKeys.push({ elementId: built.id, key: built.calledElement });
      if (built.decisionKey) decisionKeys.push({ elementId: built.id, key: built.decisionKey });
      if (nodeType === 'eventSubProcess') scopeEventSubProcesses.push(built.id);
      if (nodeType === 'subProcess' || nodeType === 'eventSubProcess') {
        built.eventSubProcessIds = [];
        visitScope(element, element.id, built.eventSubProcessIds);
      }
    }
  };
  visitScope(process, process.id, eventSubProcessIds);

  // Wire flows to nodes after all nodes exist (flows may precede their nodes in the XML); the
  // <incoming>/<outgoing> children are optional in BPMN XML, so sourceRef/targetRef are the truth.
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
      fee: numberOrUndefined(process.fee),
      components: readDossierComponents(process, refuse),
    },
    nodes,
    flows,
    startEventIds: [...nodes.values()].filter((n) => n.type === 'startEvent' && n.scopeId === process.id).map((n) => n.id),
    eventSubProcessIds,
    upstreamOf: new Map(),
  };
  if (process.fee !== undefined && !(Number(process.fee) >= 0)) refuse(process, `od:fee must be an amount in VND (0 or more), not "${process.fee}"`);
  if (process.supplementPolicy && !['restart', 'pause'].includes(process.supplementPolicy)) {
    refuse(process, `od:supplementPolicy must be "restart" or "pause", not "${process.supplementPolicy}"`);
  }
  validateGraph(graph, details, { skipReachability: unsupported });
  linkStepForms(graph, details);
  (graph as { upstreamOf: ReadonlyMap<string, ReadonlySet<string>> }).upstreamOf = computeInclusiveUpstream(graph);
  return graph;
}

function readFlow(element: ModdleElement, refuse: Refuse): SequenceFlow {
  const sourceId = element.sourceRef?.id;
  const targetId = element.targetRef?.id;
  if (!sourceId || !targetId) refuse(element, 'the sequence flow lacks a valid sourceRef or targetRef');
  let condition: string | undefined;
  const expression = element.conditionExpression;
  if (expression) condition = readFeel(element, expression, refuse, 'condition');
  return { id: element.id, name: element.name, sourceId, targetId, condition };
}

function readNode(element: ModdleElement, type: NodeType, scopeId: string, refuse: Refuse, warnings: string[]): FlowNode {
  const definitions: ModdleElement[] = element.eventDefinitions ?? [];
  const built: FlowNode = {
    id: element.id,
    type,
    bpmnType: element.$type,
    name: element.name,
    scopeId,
    incoming: [],
    outgoing: [],
    event: 'none',
    boundaryIds: [],
    defaultFlowId: element.default?.id,
    step: { counted: true, removalProposed: false },
    form: readFormFields(element, refuse),
  };
  if (definitions.length > 1) refuse(element, 'an event with several event definitions (a multiple event) can’t tell which one it waits for: keep one');
  const definition = definitions[0];
  if (definition) {
    const kind = EVENT_BY_DEFINITION[definition.$type];
    if (!kind) refuse(element, `${short(definition.$type)} on ${short(element.$type)} is not supported`);
    else readEventDefinition(built, element, definition, kind, refuse);
  }
  const inEventSubProcess = type === 'startEvent' && element.$parent?.$type === 'bpmn:SubProcess' && element.$parent.triggeredByEvent === true;
  const allowed = inEventSubProcess ? EVENT_SUB_PROCESS_STARTS : ALLOWED_EVENTS[type];
  if (allowed && definition && EVENT_BY_DEFINITION[definition.$type] && !allowed.includes(built.event)) {
    refuse(element, eventMisplaced(built.event, type));
  }
  if (type === 'startEvent' && inEventSubProcess) {
    built.interrupting = element.isInterrupting !== false;
    if (built.event === 'compensate' && element.$parent.$parent?.$type !== 'bpmn:SubProcess') {
      refuse(element, 'a compensation event sub-process belongs in the sub-process it compensates (BPMN 2.0 §10.3.6), not in a process');
    }
    if ((built.event === 'error') && !built.interrupting) refuse(element, 'an error start event always interrupts (isInterrupting must not be false)');
  }
  if (type === 'receiveTask') built.messageName = readMessageName(element, element.messageRef, refuse);

  const attributes = readStepAttributes(element);
  built.step = {
    departmentCode: attributes.department,
    departmentExpression: attributes.departmentExpression,
    role: attributes.role,
    allowanceDays: attributes.allowanceDays,
    counted: attributes.counted,
    removalProposed: attributes.removalProposed,
    removalReason: attributes.removalReason,
    legalBasis: attributes.legalBasis,
    complianceCost: attributes.complianceCost,
    // `camunda:assignee` is a username, or `${officer}` / `= officer`: the officer an earlier step's form picked.
    assignee: attributes.assignee && !assigneeVariableOf(attributes.assignee) ? attributes.assignee : undefined,
    assigneeVariable: assigneeVariableOf(attributes.assignee),
  };
  if (attributes.departmentExpression !== undefined) {
    built.step.departmentExpression = feelText(element, attributes.departmentExpression, refuse, 'od:department');
  }
  const ext = extensionValues(element);
  if (type === 'boundaryEvent') {
    built.attachedToId = element.attachedToRef?.id;
    built.cancelActivity = element.cancelActivity !== false;
    if (!built.attachedToId) refuse(element, 'the boundary event is attached to no activity');
    if (built.event === 'error' && !built.cancelActivity) refuse(element, 'an error boundary event always interrupts (cancelActivity must not be false)');
  }
  if (type === 'callActivity') {
    built.calledElement = element.calledElement || ext.find((v) => v.$type === 'zeebe:calledElement')?.processId || undefined;
    if (built.calledElement?.startsWith('=')) refuse(element, 'the called process must be named by its key, not by an expression');
    if (!built.calledElement) refuse(element, 'the call activity names no process (calledElement)');
    const inputs = ext.filter((v) => v.$type === 'camunda:In').map(readMapping);
    const outputs = ext.filter((v) => v.$type === 'camunda:Out').map(readMapping);
    // No mapping at all: pass everything both ways, the least surprising default for a sub-procedure.
    built.inputs = inputs.length ? inputs : [{ all: true }];
    built.outputs = outputs.length ? outputs : [{ all: true }];
  }
  if (type === 'serviceTask' || type === 'sendTask' || type === 'businessRuleTask') {
    built.handler = element.handler || undefined;
    for (const attr of ['class', 'delegateExpression', 'expression']) {
      if (element[attr]) refuse(element, `camunda:${attr} names Java or external code the engine can't run; use od:handler with a registered handler`);
    }
    if (!built.handler && (element.type === 'external' || ext.some((v) => v.$type === 'zeebe:taskDefinition')) && !(type === 'sendTask' && element.messageRef)) {
      warnings.push(`${element.id}: its work is left to an external worker (camunda:type="external" or zeebe:taskDefinition), which does not exist here; it passes on as a no-op until given an od:handler`);
    }
  }
  if (type === 'sendTask') {
    if (element.messageRef) built.messageName = readMessageName(element, element.messageRef, refuse);
    built.payload = payloadOf(element);
  }
  if (type === 'businessRuleTask') readBusinessRule(built, element, ext, refuse);
  if (type === 'scriptTask') readScript(built, element, ext, refuse);
  if (element.isForCompensation === true) built.isForCompensation = true;
  if (built.event === 'message' && !built.messageName && isThrow(element)) {
    warnings.push(`${element.id}: the message is sent by a Zeebe job worker (zeebe:taskDefinition), which does not exist here; the event passes on without sending until it names a message (messageRef)`);
  }
  if (type === 'userTask' && !hasDepartment(attributes)) {
    refuse(element, 'the user task has no department: set od:department on it or on its lane (or camunda:candidateGroups)');
  }
  if (built.step.allowanceDays !== undefined && !(built.step.allowanceDays >= 0)) {
    refuse(element, `od:allowanceDays must be a number of working days ≥ 0`);
  }
  return built;
}

function readEventDefinition(built: FlowNode, element: ModdleElement, definition: ModdleElement, kind: EventKind, refuse: Refuse): void {
  built.event = kind;
  switch (kind) {
    case 'timer':
      built.timer = readTimer(element, definition, refuse);
      break;
    case 'message':
      // Zeebe sends a thrown message through a job worker: no messageRef, a task definition instead.
      if (!definition.messageRef && isThrow(element) && extensionValues(element).some((v) => v.$type === 'zeebe:taskDefinition')) break;
      built.messageName = readMessageName(element, definition.messageRef, refuse);
      built.payload = payloadOf(element, definition);
      break;
    case 'error':
      built.errorCode = definition.errorRef?.errorCode ?? definition.errorRef?.id;
      break;
    case 'signal':
      built.signalName = definition.signalRef?.name || definition.signalRef?.id;
      if (!built.signalName) refuse(element, 'the signal event names no signal (signalRef)');
      built.payload = payloadOf(element, definition);
      break;
    case 'escalation':
      built.escalationCode = definition.escalationRef?.escalationCode || definition.escalationRef?.id || undefined;
      break;
    case 'conditional':
      if (!definition.condition || !(definition.condition.body ?? '').trim()) refuse(element, 'the conditional event has no condition: write a FEEL condition');
      else built.condition = readFeel(element, definition.condition, refuse, 'condition');
      break;
    case 'link':
      built.linkName = definition.name || undefined;
      if (!built.linkName) refuse(element, 'the link event has no name: a link throw jumps to the link catch of the same name');
      break;
    case 'compensate':
      built.compensateActivityId = definition.activityRef?.id;
      break;
  }
}

const isThrow = (element: ModdleElement) => element.$type === 'bpmn:EndEvent' || element.$type === 'bpmn:IntermediateThrowEvent';

function eventMisplaced(event: EventKind, type: NodeType): string {
  if (type === 'startEvent' && event === 'conditional') {
    return 'a conditional start event of a process has no variables to watch before it starts: put it in an event sub-process, or start the process by message, signal or timer';
  }
  if (type === 'startEvent' && (event === 'error' || event === 'escalation' || event === 'compensate')) {
    return `a ${event} start event belongs in an event sub-process (triggeredByEvent="true"), which catches what its scope throws`;
  }
  if (type === 'boundaryEvent' && event === 'link') return 'a link event is a jump between two intermediate events, never on an activity’s border';
  if (type === 'intermediateCatchEvent' && (event === 'error' || event === 'escalation' || event === 'compensate' || event === 'terminate')) {
    return `a ${event} is caught on an activity's border (boundary event) or by an event sub-process, not by an intermediate catch event`;
  }
  if (type === 'endEvent' && (event === 'timer' || event === 'conditional' || event === 'link')) return `an end event can’t wait for a ${event}; use an intermediate catch event before it`;
  if (type === 'intermediateThrowEvent' && (event === 'timer' || event === 'conditional' || event === 'error' || event === 'terminate')) {
    return event === 'error' || event === 'terminate' ? `a ${event} ends its path: use an end event` : `a ${event} is waited for by a catch event, not thrown`;
  }
  return `a ${event} ${type} is not valid BPMN`;
}

function readBusinessRule(built: FlowNode, element: ModdleElement, ext: ModdleElement[], refuse: Refuse): void {
  const zeebe = ext.find((v) => v.$type === 'zeebe:calledDecision');
  built.decisionKey = element.decisionRef || zeebe?.decisionId || undefined;
  built.resultVariable = element.resultVariable || zeebe?.resultVariable || undefined;
  // camunda-moddle gives mapDecisionResult a default: only a value written in the file counts.
  const written = Object.prototype.hasOwnProperty.call(element, 'mapDecisionResult') ? element.mapDecisionResult : undefined;
  const mapping = written ?? (zeebe ? 'natural' : 'resultList');
  if (!['singleEntry', 'singleResult', 'collectEntries', 'resultList', 'natural'].includes(mapping)) refuse(element, `camunda:mapDecisionResult "${mapping}" is not one of singleEntry, singleResult, collectEntries, resultList`);
  built.mapDecisionResult = mapping;
  if (built.decisionKey?.startsWith('=') || built.decisionKey?.startsWith('${')) refuse(element, 'the decision must be named by its id, not by an expression');
  if (!built.decisionKey && !built.handler) refuse(element, 'the business rule task names no decision: set camunda:decisionRef (or zeebe:calledDecision) to the id of a DMN decision deployed beside it');
  if (built.decisionKey && !built.resultVariable) refuse(element, 'the business rule task needs a result variable (camunda:resultVariable) to put the decision’s result in');
}

function readScript(built: FlowNode, element: ModdleElement, ext: ModdleElement[], refuse: Refuse): void {
  const zeebe = ext.find((v) => v.$type === 'zeebe:script');
  const format: string | undefined = element.scriptFormat;
  built.resultVariable = element.resultVariable || zeebe?.resultVariable || undefined;
  if (zeebe?.expression) {
    built.script = feelText(element, zeebe.expression, refuse, 'script');
    return;
  }
  if (format && !/^feel$/i.test(format.trim())) {
    refuse(element, `scriptFormat "${format}": scripts run in FEEL only (scriptFormat="feel"); the engine never runs JavaScript or other languages`);
    return;
  }
  if (element.resource) refuse(element, 'camunda:resource: an external script file is not run; write the FEEL expression in the script task');
  const body = element.script?.trim?.() ?? '';
  if (!format && !body) {
    refuse(element, 'the script task has no script: write a FEEL expression with scriptFormat="feel"');
    return;
  }
  if (!format) {
    refuse(element, 'the script task names no scriptFormat: scripts run in FEEL only, say scriptFormat="feel"');
    return;
  }
  if (!body) refuse(element, 'the script task has no script');
  else built.script = feelText(element, body, refuse, 'script');
}

function readTimer(element: ModdleElement, definition: ModdleElement, refuse: Refuse): TimerSpec | undefined {
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

function readMessageName(element: ModdleElement, messageRef: ModdleElement, refuse: Refuse): string | undefined {
  const name = messageRef?.name || messageRef?.id;
  if (!name) refuse(element, 'the message event names no message (messageRef)');
  return name;
}

/** Variables a throw passes on: `camunda:in` on the element or its event definition; none given: none. */
function payloadOf(element: ModdleElement, definition?: ModdleElement): VariableMapping[] {
  const values = [...extensionValues(element), ...(definition ? extensionValues(definition) : [])];
  return values.filter((v) => v.$type === 'camunda:In').map(readMapping);
}

function readMapping(value: ModdleElement): VariableMapping {
  if (value.variables === 'all') return { all: true };
  return { source: value.source, target: value.target || value.source };
}

function extensionValues(element: ModdleElement): ModdleElement[] {
  return element.extensionElements?.values ?? [];
}

/** Gives the expressions of a file without a language of their own the file's `expressionLanguage`. */
function inheritLanguage(container: ModdleElement, language: string): void {
  for (const element of container.flowElements ?? []) {
    if (element.conditionExpression && !element.conditionExpression.language) element.conditionExpression.language = language;
    if (element.flowElements) inheritLanguage(element, language);
  }
}

/** Compensation boundary event id → the handler activity its association points to. */
function collectAssociations(process: ModdleElement): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (container: ModdleElement) => {
    for (const artifact of container.artifacts ?? []) {
      if (artifact.$type === 'bpmn:Association' && artifact.sourceRef?.id && artifact.targetRef?.isForCompensation) {
        result.set(artifact.sourceRef.id, artifact.targetRef.id);
      }
    }
    for (const element of container.flowElements ?? []) if (element.flowElements || element.artifacts) visit(element);
  };
  visit(process);
  return result;
}

function numberOrUndefined(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}
