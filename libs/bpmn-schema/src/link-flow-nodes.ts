/**
 * Fills each flow node's `incoming`/`outgoing` from the sequence flows when a file leaves them
 * out. They are optional in BPMN XML (hand-written and generated procedures, and many tools,
 * omit them); the engine reads flows from `sourceRef`/`targetRef` only, but bpmn-js, bpmnlint
 * and the re-engineering rewrite read these lists. Used right after a file is parsed, by the
 * modeler and by the re-engineering library. Returns how many references were added.
 */

interface Element {
  $type: string;
  $instanceOf?(type: string): boolean;
  get?(name: string): unknown;
  [property: string]: unknown;
}

const is = (element: unknown, type: string): boolean =>
  !!element && typeof (element as Element).$instanceOf === 'function' && (element as Element).$instanceOf!(type);

export function linkFlowNodes(definitions: object): number {
  let added = 0;
  const visit = (container: Element) => {
    for (const element of (container.flowElements ?? []) as Element[]) {
      if (is(element, 'bpmn:SequenceFlow')) {
        added += addReference(element.sourceRef as Element | undefined, 'outgoing', element);
        added += addReference(element.targetRef as Element | undefined, 'incoming', element);
      }
      if (is(element, 'bpmn:FlowElementsContainer')) visit(element);
    }
  };
  for (const root of ((definitions as { rootElements?: unknown[] }).rootElements ?? []) as Element[]) {
    if (is(root, 'bpmn:FlowElementsContainer')) visit(root);
  }
  return added;
}

function addReference(node: Element | undefined, property: 'incoming' | 'outgoing', flow: Element): number {
  if (!node || !is(node, 'bpmn:FlowNode')) return 0;
  const list = (node.get ? node.get(property) : (node[property] ??= [])) as Element[];
  if (list.includes(flow)) return 0;
  list.push(flow);
  return 1;
}
