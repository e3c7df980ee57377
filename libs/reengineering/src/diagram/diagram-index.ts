import { containedElements, removeFrom } from '../bpmn/model-walk.js';
import type { ModdleElement } from '../bpmn/procedure-moddle.js';

/** The DI shapes and edges of every diagram, by the id of the BPMN element they draw. */
export class DiagramIndex {
  private readonly shapes = new Map<string, ModdleElement>();
  private readonly edges = new Map<string, ModdleElement>();

  constructor(definitions: ModdleElement) {
    for (const diagram of definitions.diagrams ?? []) {
      for (const di of containedElements(diagram.plane)) {
        const id = di.bpmnElement?.id;
        if (!id) continue;
        if (di.$type === 'bpmndi:BPMNShape') this.shapes.set(id, di);
        if (di.$type === 'bpmndi:BPMNEdge') this.edges.set(id, di);
      }
    }
  }

  shape(elementId: string): ModdleElement | undefined {
    return this.shapes.get(elementId);
  }

  edge(elementId: string): ModdleElement | undefined {
    return this.edges.get(elementId);
  }

  allShapes(): ModdleElement[] {
    return [...this.shapes.values()];
  }

  allEdges(): ModdleElement[] {
    return [...this.edges.values()];
  }

  /** Deletes the shape or edge drawing `elementId`, if any. */
  remove(elementId: string): void {
    for (const map of [this.shapes, this.edges]) {
      const di = map.get(elementId);
      if (!di) continue;
      removeFrom(di.$parent?.planeElement, di);
      map.delete(elementId);
    }
  }

  /** Registers an edge created for a flow that had none. */
  addEdge(plane: ModdleElement, edge: ModdleElement): void {
    plane.planeElement = plane.planeElement ?? [];
    plane.planeElement.push(edge);
    edge.$parent = plane;
    this.edges.set(edge.bpmnElement.id, edge);
  }
}
