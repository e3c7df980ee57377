import { containedElements } from '../bpmn/model-walk.js';
import type { ModdleElement } from '../bpmn/procedure-moddle.js';

export interface LaterCondition {
  flowId: string;
  body: string;
}

/**
 * The conditions of every sequence flow a token leaving `element` could still cross: its own
 * outgoing flows onwards, into reached sub-processes, along boundary-event paths, and out of the
 * enclosing sub-processes when their end is reached.
 */
export function laterConditions(element: ModdleElement): LaterCondition[] {
  const found: LaterCondition[] = [];
  const seenFlows = new Set<ModdleElement>();
  const seenNodes = new Set<ModdleElement>();
  const pending: ModdleElement[] = [...(element.outgoing ?? [])];

  const leaveScope = (node: ModdleElement) => {
    const scope = node.$parent;
    if (scope?.$type === 'bpmn:SubProcess') pending.push(...(scope.outgoing ?? []));
  };

  while (pending.length > 0) {
    const flow = pending.shift();
    if (seenFlows.has(flow)) continue;
    seenFlows.add(flow);
    if (flow.conditionExpression?.body) found.push({ flowId: flow.id, body: flow.conditionExpression.body });
    const target = flow.targetRef;
    if (!target || seenNodes.has(target)) continue;
    seenNodes.add(target);
    if (target.$type === 'bpmn:SubProcess') {
      // Conservative: any condition inside a reached sub-process may run after the element.
      for (const inner of containedElements(target)) {
        if (inner.$type === 'bpmn:SequenceFlow' && inner.conditionExpression?.body) {
          found.push({ flowId: inner.id, body: inner.conditionExpression.body });
        }
      }
    }
    for (const sibling of target.$parent?.flowElements ?? []) {
      if (sibling.$type === 'bpmn:BoundaryEvent' && sibling.attachedToRef === target) pending.push(...(sibling.outgoing ?? []));
    }
    if ((target.outgoing ?? []).length === 0) leaveScope(target);
    else pending.push(...target.outgoing);
  }
  return found;
}
