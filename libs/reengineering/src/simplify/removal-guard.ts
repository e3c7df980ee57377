import { isGateway } from '../bpmn/model-walk.js';
import type { ModdleElement } from '../bpmn/procedure-moddle.js';
import { variablesRead } from './condition-variables.js';
import { laterConditions } from './later-conditions.js';
import { RefusalReason, type RefusalDetail } from './simplification-refused.js';

/** The element types a simplification may remove: the work steps of a procedure. */
export const STEP_TYPES = new Set([
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:Task',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
]);

/**
 * Every reason removing `element` (found for `id`, or undefined) would change what the procedure
 * means; empty when the step can go. The rewrite then reconnects its incoming flows to its
 * single successor, so each rule protects one assumption of that rewrite.
 */
export function removalRefusals(id: string, element: ModdleElement | undefined): RefusalDetail[] {
  if (!element) {
    return [refusal(id, 'unknown', RefusalReason.UnknownElement, 'no element with this id in the diagram')];
  }
  const type: string = element.$type;
  const refuse = (reason: RefusalReason, message: string) => [refusal(id, type, reason, message)];

  if (type === 'bpmn:StartEvent' || type === 'bpmn:EndEvent') {
    return refuse(RefusalReason.StartOrEndEvent, 'start and end events mark where the procedure begins and ends; only steps can be removed');
  }
  if (!STEP_TYPES.has(type) || element.triggeredByEvent) {
    return refuse(RefusalReason.NotAStep, 'not a step: only user, manual and service tasks, tasks, sub-processes and call activities can be removed');
  }
  const boundaries = (element.$parent?.flowElements ?? []).filter(
    (e: ModdleElement) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef === element,
  );
  if (boundaries.length > 0) {
    const ids = boundaries.map((b: ModdleElement) => b.id).join(', ');
    return refuse(RefusalReason.BoundaryEventAttached, `boundary event ${ids} hangs on this step; remove or move it first`);
  }
  const incoming: ModdleElement[] = element.incoming ?? [];
  const outgoing: ModdleElement[] = element.outgoing ?? [];
  if (incoming.length === 0) {
    return refuse(RefusalReason.NoIncomingFlow, 'the step has no incoming sequence flow, so there is nothing to reconnect');
  }
  if (outgoing.length !== 1) {
    return refuse(RefusalReason.NotOneOutgoingFlow, `the step has ${outgoing.length} outgoing sequence flows; only a step with exactly one successor can be bypassed`);
  }
  const successor = outgoing[0].targetRef;
  const looping = incoming.find((flow) => flow.sourceRef === successor);
  if (looping) {
    return refuse(RefusalReason.SelfLoop, `removing it would turn ${looping.id} into a sequence flow from ${successor.id} to itself`);
  }
  const gateway = onlyBranchOf(incoming, successor);
  if (gateway) {
    return refuse(
      RefusalReason.OnlyBranchOfGateway,
      `it is the only work on the branches of gateway ${gateway.id}: removing it would connect ${gateway.id} straight to ${successor.id} with nothing done in between`,
    );
  }
  const read = outputsReadLater(element);
  if (read) return refuse(RefusalReason.OutputReadLater, read);
  return [];
}

function refusal(elementId: string, elementType: string, reason: RefusalReason, message: string): RefusalDetail {
  return { elementId, elementType, reason, message };
}

/**
 * A diverging gateway whose every other branch already goes straight to the step's successor
 * (typically the join): after the removal no branch between the two would carry any work, and
 * the gateway would have two flows to the same node.
 */
function onlyBranchOf(incoming: ModdleElement[], successor: ModdleElement): ModdleElement | undefined {
  for (const flow of incoming) {
    const gateway = flow.sourceRef;
    if (!isGateway(gateway) || (gateway.outgoing ?? []).length < 2) continue;
    const others: ModdleElement[] = gateway.outgoing.filter((f: ModdleElement) => f !== flow);
    if (others.every((f) => f.targetRef === successor)) return gateway;
  }
  return undefined;
}

/**
 * For a call activity: the later condition that reads a variable the called process hands back.
 * Without any `camunda:out` mapping the engine copies every variable back, so any variable counts.
 */
function outputsReadLater(element: ModdleElement): string | undefined {
  if (element.$type !== 'bpmn:CallActivity') return undefined;
  const outs: ModdleElement[] = (element.extensionElements?.values ?? []).filter((v: ModdleElement) => v.$type === 'camunda:Out');
  const everything = outs.length === 0 || outs.some((o) => o.variables === 'all');
  const targets = new Set<string>(outs.map((o) => o.target || o.source).filter(Boolean));
  for (const condition of laterConditions(element)) {
    const read = [...variablesRead(condition.body)].filter((name) => everything || targets.has(name));
    if (read.length > 0) {
      return `condition on ${condition.flowId} reads ${read.join(', ')}, which the called process returns`;
    }
  }
  return undefined;
}
