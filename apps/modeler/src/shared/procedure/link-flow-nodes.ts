import { is, type ModdleElement } from './moddle-element.js';

/**
 * Fills each flow node's `incoming`/`outgoing` from the sequence flows when a file leaves them
 * out. They are optional in BPMN XML (hand-written and generated procedures rarely carry them),
 * but bpmnlint and bpmn-js read them, and would see every step as an implicit start and end.
 * Returns how many references were added.
 */
export function linkFlowNodes(definitions: ModdleElement): number {
  let added = 0;
  const visit = (container: ModdleElement) => {
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      if (is(element, 'bpmn:SequenceFlow')) {
        added += addReference(element.sourceRef, 'outgoing', element);
        added += addReference(element.targetRef, 'incoming', element);
      }
      if (is(element, 'bpmn:FlowElementsContainer')) visit(element);
    }
  };
  for (const root of (definitions.rootElements ?? []) as ModdleElement[]) {
    if (is(root, 'bpmn:FlowElementsContainer')) visit(root);
  }
  return added;
}

function addReference(node: ModdleElement | undefined, property: 'incoming' | 'outgoing', flow: ModdleElement): number {
  if (!node || !is(node, 'bpmn:FlowNode')) return 0;
  const list: ModdleElement[] = node.get(property);
  if (list.includes(flow)) return 0;
  list.push(flow);
  return 1;
}
