import { allLanes, containedElements, findById, processOf, removeFrom } from '../bpmn/model-walk.js';
import { readDefinitions, writeDefinitions, type Moddle, type ModdleElement } from '../bpmn/procedure-moddle.js';
import { closeGap } from '../diagram/close-gap.js';
import { DiagramIndex } from '../diagram/diagram-index.js';
import type { Point } from '../diagram/geometry.js';
import { orthogonalRoute } from '../diagram/orthogonal-route.js';
import { RefusalReason, SimplificationRefused } from './simplification-refused.js';

export interface Reconnection {
  flowId: string;
  from: string;
  to: string;
}

/**
 * A parsed procedure being rewritten: the semantic model and its diagram kept in step. Every
 * edit goes through here, so references (incoming/outgoing, lanes, DI) never dangle.
 */
export class ProcedureModel {
  private readonly reconnections = new Map<string, Reconnection>();
  private readonly reroute = new Set<string>();

  private constructor(
    private readonly moddle: Moddle,
    readonly definitions: ModdleElement,
    private readonly diagram: DiagramIndex,
  ) {}

  static async read(xml: string): Promise<ProcedureModel> {
    try {
      const { moddle, definitions } = await readDefinitions(xml);
      if (definitions?.$type !== 'bpmn:Definitions') throw new Error('no bpmn:definitions root element');
      return new ProcedureModel(moddle, definitions, new DiagramIndex(definitions));
    } catch (error) {
      throw new SimplificationRefused([
        { elementId: '', elementType: 'bpmn:Definitions', reason: RefusalReason.UnreadableXml, message: `the file is not BPMN 2.0 XML: ${(error as Error).message}` },
      ]);
    }
  }

  element(id: string): ModdleElement | undefined {
    return findById(this.definitions, id);
  }

  /** Steps flagged `od:removalProposed="true"`, in document order. */
  flaggedForRemoval(): string[] {
    return [...containedElements(this.definitions)]
      .filter((e) => e.removalProposed === true && e.$instanceOf?.('bpmn:FlowNode'))
      .map((e) => e.id);
  }

  /**
   * Points `flow` at `target` in place of `replaced` (a flow into `target` that is dropped).
   * The flow keeps its own condition; it takes over the dropped flow's only when it has none
   * and is not its source's default flow (a default flow must stay unconditional).
   */
  retarget(flow: ModdleElement, target: ModdleElement, replaced: ModdleElement): void {
    flow.targetRef = target;
    const incoming: ModdleElement[] = (target.incoming = target.incoming ?? []);
    const at = incoming.indexOf(replaced);
    if (at >= 0 && !incoming.includes(flow)) incoming.splice(at, 1, flow);
    else if (!incoming.includes(flow)) incoming.push(flow);
    if (!flow.conditionExpression && replaced.conditionExpression && flow.sourceRef?.default !== flow) {
      const { body, language } = replaced.conditionExpression;
      flow.conditionExpression = this.create('bpmn:FormalExpression', { body, ...(language ? { language } : {}) });
      flow.conditionExpression.$parent = flow;
    }
    this.reconnections.set(flow.id, { flowId: flow.id, from: flow.sourceRef.id, to: target.id });
    this.reroute.add(flow.id);
  }

  /** Deletes a sequence flow whose source is being removed: from the model and the diagram. */
  dropFlow(flow: ModdleElement): void {
    removeFrom(flow.targetRef?.incoming, flow);
    removeFrom(flow.sourceRef?.outgoing, flow);
    removeFrom(flow.$parent?.flowElements, flow);
    this.diagram.remove(flow.id);
    this.reroute.delete(flow.id);
    this.reconnections.delete(flow.id);
  }

  /**
   * Deletes a flow node (already disconnected) with everything that only makes sense with it:
   * what a sub-process holds, lane membership, associations and message flows touching them,
   * their shapes, edges and drill-down diagrams; then closes the gap the shape leaves.
   */
  removeNode(node: ModdleElement): void {
    const container = node.$parent;
    const shape = this.diagram.shape(node.id);
    const gone = new Set([...containedElements(node)]);
    removeFrom(container.flowElements, node);
    for (const lane of allLanes(processOf(node))) {
      lane.flowNodeRef = (lane.flowNodeRef ?? []).filter((ref: ModdleElement) => !gone.has(ref));
    }
    for (const connection of this.connectionsTouching(gone)) {
      removeFrom(connection.$parent?.artifacts, connection);
      removeFrom(connection.$parent?.messageFlows, connection);
      this.diagram.remove(connection.id);
    }
    for (const element of gone) this.diagram.remove(element.id);
    // A collapsed sub-process draws its content on a diagram of its own.
    this.definitions.diagrams = (this.definitions.diagrams ?? []).filter((d: ModdleElement) => !gone.has(d.plane?.bpmnElement));
    if (shape?.bounds) {
      for (const id of closeGap(this.diagram, shape.bounds, container)) this.reroute.add(id);
    }
  }

  /** Redraws every retargeted or half-moved connection, then serialises. */
  async write(): Promise<string> {
    for (const id of this.reroute) this.redraw(id);
    return writeDefinitions(this.moddle, this.definitions);
  }

  reconnected(): Reconnection[] {
    return [...this.reconnections.values()];
  }

  private connectionsTouching(elements: Set<ModdleElement>): ModdleElement[] {
    return [...containedElements(this.definitions)].filter(
      (e) => (e.$type === 'bpmn:Association' || e.$type === 'bpmn:MessageFlow') && (elements.has(e.sourceRef) || elements.has(e.targetRef)),
    );
  }

  private redraw(connectionId: string): void {
    const connection = this.element(connectionId);
    const source = connection && this.diagram.shape(connection.sourceRef?.id);
    const target = connection && this.diagram.shape(connection.targetRef?.id);
    if (!source?.bounds || !target?.bounds) return;
    let edge = this.diagram.edge(connectionId);
    if (!edge) {
      edge = this.create('bpmndi:BPMNEdge', { id: `${connectionId}_di`, bpmnElement: connection });
      this.diagram.addEdge(source.$parent, edge);
    }
    const points = orthogonalRoute(source.bounds, target.bounds);
    edge.waypoint = points.map((p) => {
      const point = this.create('dc:Point', { x: p.x, y: p.y });
      point.$parent = edge;
      return point;
    });
    if (edge.label?.bounds) placeLabel(edge.label.bounds, points[0], points[1]);
  }

  private create(type: string, attrs: object): ModdleElement {
    return this.moddle.create(type, attrs);
  }
}

/** Puts a flow's name beside the middle of its first segment, where designers usually read it. */
function placeLabel(label: ModdleElement, a: Point, b: Point): void {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if (a.y === b.y) {
    label.x = mid.x - label.width / 2;
    label.y = mid.y - label.height - 4;
  } else {
    label.x = mid.x + 6;
    label.y = mid.y - label.height / 2;
  }
}
