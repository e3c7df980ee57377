import { diff } from 'bpmn-js-differ';

/** What changed between two versions, as element ids of the diagrams. */
export interface DiagramDiff {
  /** In the base only: steps cut, their flows. */
  removed: string[];
  /** In the candidate only: new steps, reconnecting flows. */
  added: string[];
  /** In both, with different attributes (name, allowance, cost…). */
  changed: string[];
}

// Containers change whenever anything inside them does (a lane's node list, the process's
// documentation); marking them would paint the whole pool. Only what a manager calls a step or a flow counts.
const CONTAINERS = new Set([
  'bpmn:Definitions',
  'bpmn:Process',
  'bpmn:Collaboration',
  'bpmn:Participant',
  'bpmn:LaneSet',
  'bpmn:Lane',
]);

/**
 * The semantic diff of two parsed diagrams (bpmn-js-differ), reduced to flow elements, plus the
 * engine's removed/added steps (which also know steps of called procedures). Layout-only moves
 * are left out: cutting a step shifts everything after it.
 */
export function diagramDiff(
  baseDefinitions: unknown,
  candidateDefinitions: unknown,
  fromEngine: { removed?: string[]; added?: string[] } = {},
): DiagramDiff {
  const changes = diff(baseDefinitions, candidateDefinitions);
  const flowElements = (record: Record<string, { $type: string }>) =>
    Object.entries(record)
      .filter(([, element]) => !CONTAINERS.has(element.$type))
      .map(([id]) => id);
  const removed = unique([...flowElements(changes._removed), ...(fromEngine.removed ?? [])]);
  const added = unique([...flowElements(changes._added), ...(fromEngine.added ?? [])]);
  const changed = Object.entries(changes._changed)
    .filter(([id, change]) => !CONTAINERS.has(change.model.$type) && !added.includes(id))
    .map(([id]) => id);
  return { removed, added, changed };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
