import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ElementProblem } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';

export const DEPLOY_ERROR_MARKER = 'od-deploy-error';

/**
 * What the engine refused at the last deploy (400 `details`), pinned on the offending
 * elements: a red marker plus a badge with the engine's message. Cleared on the next deploy
 * attempt or import; kept while the designer fixes things, so the list stays a checklist.
 */
export class DeployProblems {
  static $inject = ['eventBus', 'elementRegistry', 'canvas', 'overlays'];

  problems: ElementProblem[] = [];
  private markedIds: string[] = [];

  constructor(
    private readonly eventBus: EventBus,
    private readonly elementRegistry: any,
    private readonly canvas: any,
    private readonly overlays: any,
  ) {
    eventBus.on('import.done', () => {
      this.clear();
    });
  }

  show(problems: ElementProblem[]): void {
    this.clear(false);
    this.problems = problems;
    const byElement = new Map<string, ElementProblem[]>();
    for (const problem of problems) {
      if (!problem.elementId || !this.elementRegistry.get(problem.elementId)) continue;
      byElement.set(problem.elementId, [...(byElement.get(problem.elementId) ?? []), problem]);
    }
    for (const [elementId, elementProblems] of byElement) {
      this.canvas.addMarker(elementId, DEPLOY_ERROR_MARKER);
      this.markedIds.push(elementId);
      const text = elementProblems.map((problem) => problem.message).join('\n');
      this.overlays.add(elementId, 'od-deploy-problem', {
        position: { top: -10, right: 10 },
        html: h('div', { className: 'od-deploy-badge', title: text, 'data-element-id': elementId }, '!', h('span', { className: 'od-deploy-badge-text' }, text)),
      });
    }
    this.eventBus.fire('deployProblems.changed', { problems });
  }

  clear(notify = true): void {
    for (const elementId of this.markedIds) {
      if (this.elementRegistry.get(elementId)) this.canvas.removeMarker(elementId, DEPLOY_ERROR_MARKER);
    }
    this.markedIds = [];
    this.overlays.remove({ type: 'od-deploy-problem' });
    this.problems = [];
    if (notify) this.eventBus.fire('deployProblems.changed', { problems: [] });
  }
}
