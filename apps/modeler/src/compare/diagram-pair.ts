import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { odModdleDescriptor } from '@onedoor/bpmn-schema';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { diagramDiff, type DiagramDiff } from './diagram-diff.js';

export const REMOVED_MARKER = 'od-diff-removed';
export const ADDED_MARKER = 'od-diff-added';
export const CHANGED_MARKER = 'od-diff-changed';

/**
 * The two versions side by side in read-only viewers (pan and zoom, no editing): steps cut
 * painted red on the base, new and changed ones green on the candidate.
 */
export class DiagramPair {
  readonly base: any;
  readonly candidate: any;

  constructor(baseContainer: HTMLElement, candidateContainer: HTMLElement) {
    // the od: extension makes the step attributes (allowance, cost) part of the diff
    const options = { moddleExtensions: { od: odModdleDescriptor as any } };
    this.base = new NavigatedViewer({ container: baseContainer, ...options });
    this.candidate = new NavigatedViewer({ container: candidateContainer, ...options });
  }

  async show(baseXml: string, candidateXml: string, fromEngine: { removed: string[]; added: string[] }): Promise<DiagramDiff> {
    await this.base.importXML(baseXml);
    await this.candidate.importXML(candidateXml);
    const changes = diagramDiff(this.base.getDefinitions(), this.candidate.getDefinitions(), fromEngine);
    mark(this.base, changes.removed, REMOVED_MARKER, i18n.t('Cut'));
    mark(this.candidate, changes.added, ADDED_MARKER, i18n.t('New'));
    mark(this.candidate, changes.changed, CHANGED_MARKER, i18n.t('Changed'));
    this.fit();
    return changes;
  }

  /** Fits both again, e.g. after the layout around them changed size. */
  fit(): void {
    for (const viewer of [this.base, this.candidate]) {
      const canvas = viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
    }
  }
}

function mark(viewer: any, ids: string[], marker: string, label: string): void {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  for (const id of ids) {
    const element = registry.get(id);
    // called procedures' steps are not drawn here; root elements would paint the whole diagram
    if (!element || !element.parent) continue;
    canvas.addMarker(id, marker);
    if (element.waypoints) continue;
    overlays.add(id, 'od-diff-badge', {
      position: { top: -18, left: 0 },
      html: h('span', { className: `od-diff-badge ${marker}-badge`, 'data-element-id': id }, label),
    });
  }
}
