import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier, Task } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { formatDateTime } from '../../shared/date-time.js';
import { dossierStatusText } from '../format/dossier-status.js';
import { claimRender } from '../shell/render-guard.js';
import { routeHash } from '../shell/router.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import { createActionRunner } from '../task/actions/action-runner.js';
import { createControlSheetTable } from '../task/control-sheet-table.js';
import { createDiagramCard } from '../task/diagram-card.js';
import { createDossierCard } from '../task/dossier-card.js';
import { createDocumentList } from './document-list.js';
import { createDossierFilesCard } from './dossier-files-card.js';
import { createDossierActions } from './dossier-actions.js';
import { createDossierHistory } from './dossier-history.js';

/**
 * One dossier, found again any time (issue #18): where it stands, what can be done to it now,
 * its documents to print, the diagram with its path, its history and the control sheet.
 */
export async function renderDossierView(ctx: TasklistContext, container: HTMLElement, code: string, action?: string): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  container.replaceChildren(h('p', { className: 'od-muted', 'aria-busy': 'true' }, t('Loading…')));
  let dossier: Dossier;
  let tasks: Task[];
  try {
    [dossier] = await Promise.all([ctx.api.dossier(code), ctx.directory.load()]);
    // The steps the user may open (their department's): the others are listed without a link.
    tasks = await ctx.api.tasksOfInstance(dossier.processInstanceId).catch(() => []);
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(backLink(), h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }
  if (!current()) return;
  const run = createActionRunner(ctx, () => ctx.navigate({ view: 'dossier', code }));
  const openTask = new Map(tasks.map((task) => [task.id, task]));
  container.replaceChildren(
    h(
      'div',
      { className: 'od-dossier-view', 'data-dossier-code': dossier.code, 'data-status': String(dossier.status) },
      backLink(),
      h(
        'header',
        { className: 'od-task-header' },
        h('h1', {}, t('Dossier {code}', { code: dossier.code })),
        h(
          'p',
          { className: 'od-task-meta' },
          h('span', { className: `od-status-pill od-status-${dossier.status}`, 'data-field': 'status' }, dossierStatusText(dossier.status, dossier.statusText)),
          h('span', {}, [dossier.procedureCode, dossier.procedureName].filter(Boolean).join(' — ')),
          h('span', {}, dossier.applicant.name),
        ),
      ),
      createDossierActions(ctx, dossier, run, action),
      currentSteps(ctx, dossier, openTask),
      h('div', { className: 'od-task-columns' }, createDossierCard(dossier, ctx.directory), createDocumentList(dossier.code, dossier.agencyCode, dossier.receivedAt)),
      createDossierFilesCard(ctx, dossier.code, { finished: Boolean(dossier.finishedAt) }),
      dossier.definitionId
        ? createDiagramCard(ctx, { definitionId: dossier.definitionId, instanceId: dossier.processInstanceId, active: (dossier.currentSteps ?? []).map((s) => s.elementId) })
        : null,
      createDossierHistory(dossier, ctx.directory),
      dossier.steps.length ? createControlSheetTable(dossier.steps, ctx.directory) : null,
    ),
  );
}

/** Where the dossier is now, and who holds it; a step the user may open links to it. */
function currentSteps(ctx: TasklistContext, dossier: Dossier, visible: Map<string, Task>): HTMLElement | null {
  const t = i18n.t;
  const steps = dossier.currentSteps ?? [];
  if (!steps.length) return null;
  return h(
    'section',
    { className: 'od-card od-current-steps' },
    h('h2', {}, t('Now at')),
    h(
      'ul',
      {},
      steps.map((step) =>
        h(
          'li',
          { 'data-element-id': step.elementId },
          visible.has(step.id) ? h('a', { href: routeHash({ view: 'task', taskId: step.id }), className: 'od-task-link' }, step.name ?? step.elementId) : h('strong', {}, step.name ?? step.elementId),
          ' — ',
          ctx.directory.departmentName(step.departmentCode),
          step.assignee ? ` · ${ctx.directory.personName(step.assignee)}` : ` · ${t('Not claimed')}`,
          step.dueAt ? ` · ${t('Due {date}', { date: formatDateTime(step.dueAt) })}` : '',
          step.suspended ? ` · ${t('waiting for the supplement')}` : '',
        ),
      ),
    ),
  );
}

function backLink(): HTMLElement {
  return h('a', { className: 'od-back', href: routeHash({ view: 'dossiers', query: {} }), 'data-action': 'back' }, `← ${i18n.t('Find dossiers')}`);
}
