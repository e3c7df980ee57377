import type EventBus from 'diagram-js/lib/core/EventBus';

const AFTER_DI_ORDERING = 1000; // bpmn-js's BpmnDiOrdering runs at 2000

/**
 * Keeps the diagram shapes bpmn-js cannot draw. On save, bpmn-js rebuilds every plane from
 * the rendered elements only, which silently drops DI it never rendered: shapes of a process
 * no pool shows, edges without a `bpmnElement` (both occur in the MIWG reference files).
 * We remember those at import and put them back after that rebuild; what the user deleted
 * was rendered, so it is never resurrected.
 */
export class PreserveUnrenderedDi {
  static $inject = ['eventBus', 'elementRegistry', 'bpmnjs'];

  private unrendered: { plane: any; di: any }[] = [];

  constructor(
    eventBus: EventBus,
    private readonly elementRegistry: any,
    private readonly bpmnjs: any,
  ) {
    eventBus.on('import.done', () => {
      this.remember();
    });
    // block bodies on purpose: a diagram-js listener returning a value stops the event
    eventBus.on('diagram.clear', () => {
      this.unrendered = [];
    });
    eventBus.on('saveXML.start', AFTER_DI_ORDERING, () => {
      this.restore();
    });
  }

  private remember(): void {
    const rendered = new Set(this.elementRegistry.getAll().map((element: any) => element.di).filter(Boolean));
    this.unrendered = [];
    for (const diagram of this.bpmnjs.getDefinitions()?.diagrams ?? []) {
      const plane = diagram.plane;
      for (const di of plane?.planeElement ?? []) {
        if (!rendered.has(di)) this.unrendered.push({ plane, di });
      }
    }
  }

  private restore(): void {
    for (const { plane, di } of this.unrendered) {
      const elements = plane.get('planeElement');
      if (!elements.includes(di)) elements.push(di);
    }
  }
}

export const preserveUnrenderedDiModule = {
  __init__: ['preserveUnrenderedDi'],
  preserveUnrenderedDi: ['type', PreserveUnrenderedDi],
};
