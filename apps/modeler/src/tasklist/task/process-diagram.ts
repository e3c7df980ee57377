import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';
import { formatDateTime } from '../../shared/date-time.js';

/** One activity the instance went through (GET /api/process-instances/{id}/history). */
export interface ActivityVisit {
  activityId: string;
  activityType: string;
  startedAt: string;
  endedAt: string | null;
  state?: string;
  assignee: string | null;
}

export interface DiagramStory {
  /** Elements with a token now. */
  active: string[];
  /** The step the page is about (the open task), if any. */
  current?: string;
  /** What the instance went through, in order. */
  history: ActivityVisit[];
  /** Full name for a username. */
  nameOf(username: string): string;
}

export interface DiagramHandle {
  destroy(): void;
}

/** Below this zoom bpmn-js's 12 px labels stop being readable: pan instead of shrinking further. */
const MIN_SCALE = 0.85;

/**
 * The procedure telling the dossier's story (issue #18): the steps already done (green), the
 * path taken between them, where it is now (blue; the page's own step amber), and under every
 * step who held it last and when it finished. Zoomed to the card's width but never below a
 * legible size: a wide procedure scrolls to the current step instead. Loaded on demand (bpmn-js
 * is the heavy part of the page).
 */
export async function showProcessDiagram(container: HTMLElement, xml: string, story: DiagramStory): Promise<DiagramHandle> {
  const viewer = new NavigatedViewer({ container, moddleExtensions: { od: odModdleDescriptor as any } });
  await viewer.importXML(xml);
  const canvas = viewer.get<any>('canvas');
  const registry = viewer.get<any>('elementRegistry');
  const overlays = viewer.get<any>('overlays');

  const visits = story.history.filter((v) => registry.get(v.activityId));
  const done = new Set(visits.filter((v) => v.endedAt && v.state !== 'canceled').map((v) => v.activityId));
  for (const id of done) canvas.addMarker(id, 'od-done');
  for (const flowId of takenFlows(visits, registry)) canvas.addMarker(flowId, 'od-taken');
  for (const id of new Set([...story.active, ...(story.current ? [story.current] : [])])) {
    if (!registry.get(id)) continue;
    canvas.addMarker(id, 'od-active');
    if (id === story.current) canvas.addMarker(id, 'od-current');
  }
  // Who held each step: the last visit of every user or manual task.
  const lastVisit = new Map<string, ActivityVisit>();
  for (const v of visits) if (/Task$/.test(v.activityType) || v.activityType === 'userTask' || v.activityType === 'manualTask') lastVisit.set(v.activityId, v);
  for (const [id, v] of lastVisit) {
    if (!v.assignee) continue;
    const element = registry.get(id);
    const label = document.createElement('div');
    label.className = 'od-holder';
    label.style.width = `${element.width}px`;
    label.dataset.elementId = id;
    label.textContent = story.nameOf(v.assignee);
    if (v.endedAt) {
      const when = document.createElement('span');
      when.textContent = formatDateTime(v.endedAt);
      label.append(document.createElement('br'), when);
    }
    overlays.add(id, 'od-holder', { position: { top: element.height + 2, left: 0 }, html: label });
  }
  fitReadably(container, canvas, story.current ? registry.get(story.current) : undefined);
  return { destroy: () => viewer.destroy() };
}

/** Sequence flows the instance took: into each visited node, from the node visited just before it. */
function takenFlows(visits: ActivityVisit[], registry: any): string[] {
  const taken = new Set<string>();
  visits.forEach((visit, index) => {
    const incoming: any[] = registry.get(visit.activityId)?.incoming ?? [];
    for (let i = index - 1; i >= 0; i--) {
      const flow = incoming.find((c) => c.type === 'bpmn:SequenceFlow' && c.source?.id === visits[i].activityId);
      if (flow) {
        taken.add(flow.id);
        break;
      }
    }
  });
  return [...taken];
}

/** Fits the diagram to the card's width, never below MIN_SCALE; the height follows the diagram. */
function fitReadably(container: HTMLElement, canvas: any, focus: any): void {
  const inner = canvas.viewbox().inner;
  const width = container.clientWidth || 1000;
  const margin = 24;
  const scale = Math.min(1, Math.max(MIN_SCALE, (width - 2 * margin) / Math.max(1, inner.width)));
  const height = Math.min(Math.ceil(inner.height * scale + 2 * margin + 30), 640);
  container.style.height = `${height}px`;
  canvas.resized();
  const viewWidth = width / scale;
  let x = inner.x - margin / scale;
  if (inner.width * scale > width - 2 * margin && focus) {
    // Too wide to show whole at a readable size: start where the dossier is.
    x = Math.max(inner.x - margin / scale, Math.min(focus.x + focus.width / 2 - viewWidth / 2, inner.x + inner.width + margin / scale - viewWidth));
  }
  canvas.viewbox({ x, y: inner.y - margin / scale, width: viewWidth, height: height / scale });
  container.dataset.scale = scale.toFixed(2);
}
