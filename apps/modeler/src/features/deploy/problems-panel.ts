import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ElementProblem } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import type { DeployProblems } from './deploy-problems.js';

export interface ProblemsPanelConfig {
  parent?: HTMLElement;
  /** Told the number of problems, e.g. to label a tab. */
  onCount?: (counts: { errors: number; warnings: number }) => void;
}

interface LintReport {
  id: string;
  message: string;
  category: string;
  rule: string;
  actualElementId?: string;
}

/**
 * One list of everything wrong with the diagram: the engine's refusals from the last deploy
 * and the live lint results (bpmn-js-bpmnlint's `linting.completed`). Clicking a problem
 * selects and shows the element.
 */
export class ProblemsPanel {
  static $inject = ['eventBus', 'elementRegistry', 'selection', 'canvas', 'translate', 'deployProblems', 'config.problemsPanel'];

  readonly container: HTMLElement;
  private lintReports: LintReport[] = [];

  constructor(
    eventBus: EventBus,
    private readonly elementRegistry: any,
    private readonly selection: any,
    private readonly canvas: any,
    private readonly translate: (text: string, replacements?: Record<string, string>) => string,
    private readonly deployProblems: DeployProblems,
    private readonly config: ProblemsPanelConfig | undefined,
  ) {
    this.container = h('div', { className: 'od-problems' });
    config?.parent?.append(this.container);
    eventBus.on('linting.completed', (event: any) => {
      this.lintReports = Object.values(event.issues as Record<string, LintReport[]>).flat();
      this.render();
    });
    eventBus.on('deployProblems.changed', () => {
      this.render();
    });
    eventBus.on('diagram.clear', () => {
      this.lintReports = [];
      this.render();
    });
    this.render();
  }

  get lintErrors(): LintReport[] {
    return this.lintReports.filter((report) => report.category === 'error');
  }

  render(): void {
    const t = this.translate;
    const deploy = this.deployProblems.problems;
    const order = (report: LintReport) => (report.category === 'error' ? 0 : report.category === 'warn' ? 1 : 2);
    const lint = [...this.lintReports].sort((a, b) => order(a) - order(b));
    const errors = deploy.length + lint.filter((report) => report.category === 'error').length;
    const warnings = lint.filter((report) => report.category !== 'error').length;
    this.config?.onCount?.({ errors, warnings });

    if (!deploy.length && !lint.length) {
      this.container.replaceChildren(h('p', { className: 'od-problems-empty' }, t('No problems found.')));
      return;
    }
    this.container.replaceChildren(
      h(
        'ul',
        { className: 'od-problem-list' },
        deploy.map((problem) => this.item('deploy', problem.elementId, t('Refused by the engine'), this.describeDeploy(problem))),
        lint.map((report) => {
          const elementId = report.actualElementId ?? report.id;
          return this.item(report.category === 'error' ? 'error' : 'warn', elementId, report.rule, t(report.message));
        }),
      ),
    );
  }

  private describeDeploy(problem: ElementProblem): string {
    return problem.elementType ? `${problem.message} (${problem.elementType})` : problem.message;
  }

  private item(kind: 'deploy' | 'error' | 'warn', elementId: string | undefined, source: string, message: string): HTMLElement {
    const t = this.translate;
    const element = elementId ? this.elementRegistry.get(elementId) : undefined;
    const name = element?.businessObject?.name?.trim();
    const label = kind === 'warn' ? t('Warning') : t('Error');
    return h(
      'li',
      {
        className: `od-problem od-problem-${kind}`,
        'data-element-id': elementId ?? '',
        tabindex: 0,
        onclick: () => this.reveal(elementId),
        onkeydown: (event: Event) => {
          if ((event as KeyboardEvent).key === 'Enter') this.reveal(elementId);
        },
      },
      h('span', { className: 'od-problem-kind' }, label),
      h('span', { className: 'od-problem-element' }, name ? `${name} (${elementId})` : elementId ?? '—'),
      h('span', { className: 'od-problem-message' }, message),
      h('span', { className: 'od-problem-source' }, source),
    );
  }

  private reveal(elementId: string | undefined): void {
    const element = elementId && this.elementRegistry.get(elementId);
    if (!element) return;
    this.selection.select(element);
    if (element.waypoints || element.parent) this.canvas.scrollToElement(element);
  }
}
