import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { DiagramHandle } from './process-diagram.js';

let openDiagram: DiagramHandle | undefined;

export interface DiagramCardInput {
  definitionId: string;
  instanceId: string;
  active: string[];
  /** The page's own step, marked apart. */
  current?: string;
}

/**
 * "Where the dossier is": the procedure's diagram with the dossier's story and a legend. One
 * diagram lives at a time (the previous page's viewer is destroyed first).
 */
export function createDiagramCard(ctx: TasklistContext, input: DiagramCardInput): HTMLElement {
  const t = i18n.t;
  openDiagram?.destroy();
  openDiagram = undefined;
  const box = h('div', { className: 'od-diagram', 'data-testid': 'diagram' });
  const card = h(
    'section',
    { className: 'od-card od-diagram-card' },
    h('h2', {}, t('Where the dossier is')),
    box,
    h(
      'p',
      { className: 'od-diagram-legend' },
      h('span', {}, h('i', { className: 'od-legend-done' }), t('Done')),
      h('span', {}, h('i', { className: 'od-legend-path' }), t('Path taken')),
      h('span', {}, h('i', { className: 'od-legend-active' }), t('Now')),
      input.current ? h('span', {}, h('i', { className: 'od-legend-current' }), t('This step')) : null,
    ),
  );
  void load(ctx, input, box);
  return card;
}

async function load(ctx: TasklistContext, input: DiagramCardInput, box: HTMLElement): Promise<void> {
  try {
    const [xml, history, { showProcessDiagram }] = await Promise.all([
      ctx.api.definitionXml(input.definitionId),
      ctx.api.instanceHistory(input.instanceId).catch(() => []),
      import('./process-diagram.js'),
      ctx.directory.load(),
    ]);
    if (!box.isConnected) return;
    openDiagram = await showProcessDiagram(box, xml, { active: input.active, current: input.current, history, nameOf: (username) => ctx.directory.personName(username) });
    box.setAttribute('data-loaded', 'true');
  } catch (error) {
    box.replaceChildren(h('p', { className: 'od-form-error' }, i18n.t('Could not show the diagram: {message}', { message: describeApiError(error) })));
  }
}
