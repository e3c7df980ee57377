import type { ModdleElement } from './procedure-moddle.js';

/**
 * Every element contained in `root` (depth first, document order). Follows containment only, as
 * the moddle descriptor declares it, so references (`sourceRef`, `bpmnElement`, …) never loop.
 */
export function* containedElements(root: ModdleElement): Generator<ModdleElement> {
  if (!root || typeof root !== 'object' || !root.$type) return;
  yield root;
  for (const property of root.$descriptor?.properties ?? []) {
    if (property.isReference || property.isAttr) continue;
    const value = root[property.name];
    if (Array.isArray(value)) {
      for (const child of value) yield* containedElements(child);
    } else if (value && typeof value === 'object' && value.$type) {
      yield* containedElements(value);
    }
  }
}

export function findById(definitions: ModdleElement, id: string): ModdleElement | undefined {
  for (const element of containedElements(definitions)) if (element.id === id) return element;
  return undefined;
}

/** The lanes of a process at every nesting level. */
export function allLanes(process: ModdleElement): ModdleElement[] {
  const lanes: ModdleElement[] = [];
  const visit = (laneSet: ModdleElement) => {
    for (const lane of laneSet?.lanes ?? []) {
      lanes.push(lane);
      visit(lane.childLaneSet);
    }
  };
  for (const laneSet of process?.laneSets ?? []) visit(laneSet);
  return lanes;
}

/** The process a flow element belongs to, through any number of sub-processes. */
export function processOf(element: ModdleElement): ModdleElement | undefined {
  let current = element?.$parent;
  while (current && current.$type !== 'bpmn:Process') current = current.$parent;
  return current;
}

/** Removes `item` from `array` in place (moddle collections are plain arrays). */
export function removeFrom<T>(array: T[] | undefined, item: T): void {
  if (!array) return;
  const index = array.indexOf(item);
  if (index >= 0) array.splice(index, 1);
}

export const isGateway = (element: ModdleElement): boolean =>
  typeof element?.$instanceOf === 'function' && element.$instanceOf('bpmn:Gateway');
