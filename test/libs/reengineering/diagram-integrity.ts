/**
 * What bpmn-js needs to open a rewritten diagram cleanly, checked on the re-parsed XML: every
 * reference resolves, flows and nodes agree on incoming/outgoing, lanes hold only live nodes,
 * every flow node has a shape, every sequence flow an edge with ≥ 2 waypoints, and no two
 * shapes of the same container overlap.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { containedElements } from '../../../libs/reengineering/src/bpmn/model-walk.js';
import { readDefinitions, type ModdleElement } from '../../../libs/reengineering/src/bpmn/procedure-moddle.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export const fixture = (name: string): string => readFileSync(path.join(here, name), 'utf8');
export const procedureFile = (name: string): string => readFileSync(path.join(here, '../../../processes', name), 'utf8');

export async function integrityProblems(xml: string): Promise<string[]> {
  const { definitions, warnings } = await readDefinitions(xml);
  const problems = warnings.map((w) => `reader: ${w}`);
  const elements = [...containedElements(definitions)];
  const shapes = new Map<string, ModdleElement>();
  const edges = new Map<string, ModdleElement>();
  for (const di of elements) {
    if (di.$type === 'bpmndi:BPMNShape') shapes.set(di.bpmnElement?.id, di);
    if (di.$type === 'bpmndi:BPMNEdge') edges.set(di.bpmnElement?.id, di);
  }
  const live = new Set(elements);
  for (const [id, di] of [...shapes, ...edges]) {
    if (!id || !live.has(di.bpmnElement)) problems.push(`${di.id} draws an element that is not in the model`);
  }

  const flowNodes = elements.filter((e) => e.$instanceOf('bpmn:FlowNode'));
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  for (const node of flowNodes) {
    if (!shapes.has(node.id)) problems.push(`${node.id} has no shape`);
    for (const f of node.incoming ?? []) if (f.targetRef !== node) problems.push(`${node.id} lists incoming ${f.id}, which goes to ${f.targetRef?.id}`);
    for (const f of node.outgoing ?? []) if (f.sourceRef !== node) problems.push(`${node.id} lists outgoing ${f.id}, which comes from ${f.sourceRef?.id}`);
  }
  for (const flow of flows) {
    if (!live.has(flow.sourceRef) || !live.has(flow.targetRef)) problems.push(`${flow.id} connects an element not in the model`);
    if (!(flow.sourceRef?.outgoing ?? []).includes(flow)) problems.push(`${flow.id} missing from ${flow.sourceRef?.id}.outgoing`);
    if (!(flow.targetRef?.incoming ?? []).includes(flow)) problems.push(`${flow.id} missing from ${flow.targetRef?.id}.incoming`);
    if (flow.sourceRef === flow.targetRef) problems.push(`${flow.id} loops on ${flow.sourceRef?.id}`);
    if ((edges.get(flow.id)?.waypoint?.length ?? 0) < 2) problems.push(`${flow.id} has no edge with 2 waypoints`);
  }
  for (const lane of elements.filter((e) => e.$type === 'bpmn:Lane')) {
    for (const node of lane.flowNodeRef ?? []) if (!live.has(node)) problems.push(`lane ${lane.id} holds ${node?.id}, which is gone`);
  }
  const placed = flowNodes.filter((n) => n.$type !== 'bpmn:BoundaryEvent' && shapes.get(n.id)?.bounds);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if (placed[i].$parent !== placed[j].$parent) continue;
      const a = shapes.get(placed[i].id).bounds;
      const b = shapes.get(placed[j].id).bounds;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
        problems.push(`${placed[i].id} overlaps ${placed[j].id}`);
      }
    }
  }
  return problems;
}

/** The parsed definitions of a result, for assertions on the model. */
export async function parse(xml: string): Promise<{ byId: (id: string) => ModdleElement; definitions: ModdleElement }> {
  const { definitions } = await readDefinitions(xml);
  const elements = [...containedElements(definitions)];
  return { definitions, byId: (id: string) => elements.find((e) => e.id === id) };
}

/** The DI shape or edge drawing `id`. */
export function diOf(definitions: ModdleElement, id: string): ModdleElement {
  return [...containedElements(definitions)].find((e) => e.$type?.startsWith('bpmndi:') && e.bpmnElement?.id === id);
}
