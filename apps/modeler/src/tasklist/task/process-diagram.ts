import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { FlowNodeLike } from './gateway-choices.js';

export interface DiagramHandle {
  /** The moddle element of a diagram element, for reading its flows and conditions. */
  element(id: string): FlowNodeLike | undefined;
  destroy(): void;
}

/**
 * Shows the procedure with where the dossier stands: every active element gets `od-active`,
 * the open task's own element `od-current`. This module is loaded on demand (bpmn-js is the
 * heavy part of the page and the inbox doesn't need it).
 */
export async function showProcessDiagram(container: HTMLElement, xml: string, marks: { active: string[]; current: string }): Promise<DiagramHandle> {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get<any>('canvas');
  const registry = viewer.get<any>('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  for (const id of new Set([...marks.active, marks.current])) {
    if (!registry.get(id)) continue;
    canvas.addMarker(id, 'od-active');
    if (id === marks.current) canvas.addMarker(id, 'od-current');
  }
  return {
    element: (id) => registry.get(id)?.businessObject as FlowNodeLike | undefined,
    destroy: () => viewer.destroy(),
  };
}
