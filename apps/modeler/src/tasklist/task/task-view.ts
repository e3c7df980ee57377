import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier, ProcessInstance, Task } from '../api/tasklist-types.js';
import { describeApiError } from '../format/api-message.js';
import { formatDateTime } from '../format/date-time.js';
import { dueState } from '../format/due-state.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import { createTaskActions } from './actions/task-actions.js';
import { createControlSheetTable } from './control-sheet-table.js';
import { createDossierCard } from './dossier-card.js';
import { gatewayChoices, type GatewayChoice } from './gateway-choices.js';
import type { DiagramHandle } from './process-diagram.js';
import { createVariablesTable } from './variables-table.js';

let openDiagram: DiagramHandle | undefined;

/** One open step: what to do, where the dossier stands in the procedure, and its history. */
export async function renderTaskView(ctx: TasklistContext, container: HTMLElement, taskId: string): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  openDiagram?.destroy();
  openDiagram = undefined;
  container.replaceChildren(h('p', { className: 'od-muted', 'aria-busy': 'true' }, t('Loading…')));

  let task: Task;
  let instance: ProcessInstance;
  let dossier: Dossier | null;
  try {
    task = await ctx.api.task(taskId);
    [instance, dossier] = await Promise.all([
      ctx.api.instance(task.processInstanceId),
      task.dossierCode ? ctx.api.dossier(task.dossierCode).catch(() => null) : Promise.resolve(null),
      ctx.directory.load(),
    ]);
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(backLink(ctx), h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }

  if (!current()) return;
  const diagramBox = h('div', { className: 'od-diagram', 'data-testid': 'diagram' });
  const choices = loadDiagram(ctx, task, instance, diagramBox);
  // Through the router, so a message set by the action stays for exactly this view.
  const reload = () => ctx.navigate({ view: 'task', taskId });
  const state = dueState(task, new Date(), null);

  container.replaceChildren(
    h(
      'div',
      { className: 'od-task-view', 'data-task-id': task.id, 'data-element-id': task.elementId },
      backLink(ctx),
      h(
        'header',
        { className: 'od-task-header' },
        h('h1', {}, task.name ?? task.elementId),
        h(
          'p',
          { className: 'od-task-meta' },
          task.dossierCode ? h('span', { className: 'od-chip od-mono' }, task.dossierCode) : null,
          h('span', {}, ctx.directory.procedureName(task.definitionId, task.definitionKey)),
          h('span', {}, ctx.directory.departmentName(task.departmentCode)),
          h(
            'span',
            { className: `od-due-text od-due-${state}`, 'data-due-state': state },
            task.dueAt ? t('Due {date}', { date: formatDateTime(task.dueAt) }) : t('No deadline'),
            state === 'overdue' ? ` · ${t('Overdue')}` : '',
          ),
          h('span', {}, task.assignee ? t('Handled by {user}', { user: task.assignee }) : t('Not claimed')),
        ),
      ),
      createTaskActions({ ctx, task, dossier, choices, reload }),
      h('section', { className: 'od-card od-diagram-card' }, h('h2', {}, t('Where the dossier is')), diagramBox),
      h(
        'div',
        { className: 'od-task-columns' },
        dossier ? createDossierCard(dossier) : task.dossierCode ? unreadableDossier(task.dossierCode) : null,
        createVariablesTable(instance.variables),
      ),
      dossier?.steps.length ? createControlSheetTable(dossier.steps, ctx.directory) : null,
    ),
  );
}

/** The diagram of the task's own definition (a called sub-procedure's, for its steps). */
async function loadDiagram(ctx: TasklistContext, task: Task, instance: ProcessInstance, box: HTMLElement): Promise<GatewayChoice[]> {
  try {
    const [xml, { showProcessDiagram }] = await Promise.all([ctx.api.definitionXml(task.definitionId), import('./process-diagram.js')]);
    if (!box.isConnected) return [];
    openDiagram = await showProcessDiagram(box, xml, { active: instance.activeActivityIds, current: task.elementId });
    box.setAttribute('data-loaded', 'true');
    const element = openDiagram.element(task.elementId);
    return element ? gatewayChoices(element) : [];
  } catch (error) {
    box.replaceChildren(h('p', { className: 'od-form-error' }, i18n.t('Could not show the diagram: {message}', { message: describeApiError(error) })));
    return [];
  }
}

function backLink(ctx: TasklistContext): HTMLElement {
  const link = h('a', { className: 'od-back', href: '#/inbox/mine', 'data-action': 'back' }, `← ${i18n.t('Back to the list')}`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.backToList();
  });
  return link;
}

/**
 * The engine shows a dossier only to its own agency; the other agency of an inter-agency
 * procedure works the step without the record. Say so instead of leaving a gap.
 */
function unreadableDossier(code: string): HTMLElement {
  const t = i18n.t;
  return h(
    'section',
    { className: 'od-card od-dossier-card', 'data-dossier-code': code, 'data-readable': 'false' },
    h('h2', {}, t('Dossier {code}', { code })),
    h('p', { className: 'od-muted' }, t('This dossier is kept by another agency: its record and control sheet are not shown to you.')),
  );
}
