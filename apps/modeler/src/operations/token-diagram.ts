import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

/** A badge on a step: how many tokens (or dossiers) wait there, how many are late. */
export interface StepBadge {
  activityId: string;
  count: number;
  overdue: number;
  /** A line under the count (e.g. mean / p90 time), optional. */
  note?: string;
}

const HEAT_MARKERS = ['od-heat-1', 'od-heat-2', 'od-heat-3'];

/**
 * A procedure's diagram, read-only (pan and zoom), with what runs on it: a badge per step with
 * its tokens — red when some are past due — and, for a procedure's heat-map, the steps shaded
 * by how many dossiers wait there. Click a step to choose it (token moves).
 */
export class TokenDiagram {
  private readonly viewer: any;
  private selectedListener?: (activityId: string) => void;

  constructor(container: HTMLElement) {
    this.viewer = new NavigatedViewer({ container, moddleExtensions: { od: odModdleDescriptor as any } });
    this.viewer.get('eventBus').on('element.click', (event: { element: { id: string; type: string; waypoints?: unknown } }) => {
      if (event.element.waypoints || event.element.type === 'bpmn:Process' || event.element.type === 'bpmn:Collaboration') return;
      this.selectedListener?.(event.element.id);
    });
  }

  onSelect(listener: (activityId: string) => void): void {
    this.selectedListener = listener;
  }

  async show(xml: string, badges: StepBadge[], options: { heat?: boolean } = {}): Promise<void> {
    await this.viewer.importXML(xml);
    const registry = this.viewer.get('elementRegistry');
    const overlays = this.viewer.get('overlays');
    const canvas = this.viewer.get('canvas');
    const max = Math.max(1, ...badges.map((b) => b.count));
    for (const badge of badges) {
      if (!registry.get(badge.activityId)) continue;
      if (options.heat && badge.count > 0) canvas.addMarker(badge.activityId, HEAT_MARKERS[Math.min(2, Math.floor((badge.count / max) * 3 - 0.0001))]);
      if (badge.count === 0 && !badge.note) continue;
      const late = badge.overdue > 0;
      overlays.add(badge.activityId, 'od-token', {
        position: { bottom: 12, right: 12 },
        html: h(
          'div',
          {
            className: `od-token-badge${late ? ' is-late' : ''}`,
            'data-testid': 'token-badge',
            'data-element-id': badge.activityId,
            'data-count': badge.count,
            title: late ? i18n.t('{count} waiting, {late} overdue', { count: badge.count, late: badge.overdue }) : i18n.t('{count} waiting', { count: badge.count }),
          },
          late ? `${badge.count} · ${i18n.t('{late} late', { late: badge.overdue })}` : String(badge.count),
        ),
      });
      if (badge.note) {
        overlays.add(badge.activityId, 'od-token-note', { position: { top: -22, left: 0 }, html: h('div', { className: 'od-heat-note', 'data-testid': 'heat-note', 'data-element-id': badge.activityId }, badge.note) });
      }
    }
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }

  /** Names of the diagram's steps, for pickers (token moves, migration targets). */
  elementNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const element of this.viewer.get('elementRegistry').getAll()) {
      if (element.waypoints || !element.businessObject?.$instanceOf?.('bpmn:FlowNode')) continue;
      names.set(element.id, element.businessObject.name || element.id);
    }
    return names;
  }

  destroy(): void {
    this.viewer.destroy();
  }
}
