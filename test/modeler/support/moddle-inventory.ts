import type { ModdleElement } from '../../../apps/modeler/src/shared/procedure/moddle-element.js';

export interface ModdleInventory {
  /** `type#id` of every element that has an id (semantic elements and diagram shapes alike). */
  identified: Set<string>;
  /** How many elements of each type, ids or not (waypoints, bounds, labels…). */
  countsByType: Map<string, number>;
}

/**
 * Everything a parsed BPMN file contains, for comparing a file before and after a round trip:
 * walks containment and references alike (each object once), extension elements included.
 */
export function inventory(definitions: ModdleElement): ModdleInventory {
  const identified = new Set<string>();
  const countsByType = new Map<string, number>();
  const seen = new Set<object>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const element = value as ModdleElement;
    if (typeof element.$type !== 'string' || seen.has(element)) return;
    seen.add(element);
    countsByType.set(element.$type, (countsByType.get(element.$type) ?? 0) + 1);
    if (element.id) identified.add(`${element.$type}#${element.id}`);
    for (const key of Object.keys(element)) {
      if (key === '$parent' || key === '$descriptor' || key === '$model' || key === '$attrs') continue;
      visit(element[key]);
    }
  };
  visit(definitions);
  return { identified, countsByType };
}
