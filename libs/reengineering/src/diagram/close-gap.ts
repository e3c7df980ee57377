import { allLanes, containedElements } from '../bpmn/model-walk.js';
import type { ModdleElement } from '../bpmn/procedure-moddle.js';
import type { DiagramIndex } from './diagram-index.js';
import { overlap, right, sameRow, type Bounds } from './geometry.js';

/**
 * Closes the hole a removed shape leaves, among the shapes of the same container (process or
 * sub-process). When nothing else occupies the removed shape's column, everything to its right
 * moves left, so the column disappears and the pool and lanes shrink (as a designer would redraw
 * it); otherwise only the shapes to its right in the same row move. Shapes move by the distance
 * from the removed shape to the next one, so the next shape lands where the removed one was.
 * Nothing moves if that would make shapes overlap.
 *
 * Returns the ids of the connections with exactly one moved end: their waypoints must be redrawn.
 */
export function closeGap(diagram: DiagramIndex, removed: Bounds, container: ModdleElement): Set<string> {
  const scope = diagram
    .allShapes()
    .filter((s) => s.bpmnElement.$parent === container && s.bpmnElement.$type !== 'bpmn:BoundaryEvent');
  const plan = columnPlan(scope, removed) ?? rowPlan(scope, removed);
  if (!plan) return new Set();
  const unmoved = scope.filter((s) => !plan.moving.includes(s));
  const collides = plan.moving.some((s) => unmoved.some((u) => overlap(shifted(s.bounds, plan.shift), u.bounds)));
  if (collides) return new Set();

  const movedElements = movedWithDescendants(diagram, plan.moving);
  for (const shape of diagram.allShapes()) {
    if (movedElements.has(shape.bpmnElement)) translate(shape, plan.shift);
  }
  const reroute = new Set<string>();
  for (const edge of diagram.allEdges()) {
    const { sourceRef, targetRef } = edge.bpmnElement;
    const sourceMoved = movedElements.has(sourceRef);
    const targetMoved = movedElements.has(targetRef);
    if (sourceMoved && targetMoved) translate(edge, plan.shift);
    else if (sourceMoved || targetMoved) reroute.add(edge.bpmnElement.id);
  }
  if (plan.wholeColumn && container.$type === 'bpmn:Process') shrinkPool(diagram, container, plan.shift, scope);
  return reroute;
}

interface GapPlan {
  moving: ModdleElement[];
  shift: number;
  wholeColumn: boolean;
}

function columnPlan(scope: ModdleElement[], removed: Bounds): GapPlan | undefined {
  const after = scope.filter((s) => s.bounds.x >= right(removed));
  if (after.length === 0) return undefined;
  const next = Math.min(...after.map((s) => s.bounds.x));
  const columnShared = scope.some((s) => s.bounds.x < next && right(s.bounds) > removed.x);
  return columnShared ? undefined : { moving: after, shift: next - removed.x, wholeColumn: true };
}

function rowPlan(scope: ModdleElement[], removed: Bounds): GapPlan | undefined {
  const after = scope.filter((s) => sameRow(s.bounds, removed) && s.bounds.x >= right(removed));
  if (after.length === 0) return undefined;
  const next = Math.min(...after.map((s) => s.bounds.x));
  return { moving: after, shift: next - removed.x, wholeColumn: false };
}

/** The moving shapes' elements, what expanded sub-processes hold, and boundary events on them. */
function movedWithDescendants(diagram: DiagramIndex, moving: ModdleElement[]): Set<ModdleElement> {
  const moved = new Set<ModdleElement>();
  for (const shape of moving) for (const element of containedElements(shape.bpmnElement)) moved.add(element);
  for (const shape of diagram.allShapes()) {
    const element = shape.bpmnElement;
    if (element.$type === 'bpmn:BoundaryEvent' && moved.has(element.attachedToRef)) moved.add(element);
  }
  return moved;
}

const shifted = (b: Bounds, shift: number): Bounds => ({ x: b.x - shift, y: b.y, width: b.width, height: b.height });

function translate(di: ModdleElement, shift: number): void {
  if (di.bounds) di.bounds.x -= shift;
  for (const point of di.waypoint ?? []) point.x -= shift;
  if (di.label?.bounds) di.label.bounds.x -= shift;
}

/** Narrows the pool and its lanes by the closed column, when the content still fits. */
function shrinkPool(diagram: DiagramIndex, process: ModdleElement, shift: number, scope: ModdleElement[]): void {
  const collaborations = (process.$parent?.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Collaboration');
  const participant = collaborations.flatMap((c: ModdleElement) => c.participants ?? []).find((p: ModdleElement) => p.processRef === process);
  const pool = participant && diagram.shape(participant.id);
  if (!pool) return;
  const contentRight = Math.max(...scope.map((s) => right(s.bounds)));
  if (right(pool.bounds) - shift < contentRight) return;
  pool.bounds.width -= shift;
  for (const lane of allLanes(process)) {
    const shape = diagram.shape(lane.id);
    if (shape) shape.bounds.width -= shift;
  }
}
