import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier, ProcessInstanceSummary, Task, TaskForm } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { formatDateTime } from '../../shared/date-time.js';
import { dueState } from '../format/due-state.js';
import { claimRender } from '../shell/render-guard.js';
import { routeHash } from '../shell/router.js';
import { hasRole, type TasklistContext } from '../shell/tasklist-context.js';
import { createActionRunner } from './actions/action-runner.js';
import { canWorkNow, createTaskActions } from './actions/task-actions.js';
import { createAdminVariables } from './admin-variables.js';
import { createControlSheetTable } from './control-sheet-table.js';
import { createDossierCard } from './dossier-card.js';
import { createDossierFilesCard } from '../dossier/dossier-files-card.js';
import { createDiagramCard } from './diagram-card.js';
import { createStepFormCard } from './step-form/step-form-card.js';
import { createVariablesTable } from './variables-table.js';

/** One open step: its form, what else can be done, where the dossier stands, and its history. */
export async function renderTaskView(ctx: TasklistContext, container: HTMLElement, taskId: string): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  container.replaceChildren(h('p', { className: 'od-muted', 'aria-busy': 'true' }, t('Loading…')));

  let task: Task;
  let instance: ProcessInstanceSummary;
  let dossier: Dossier | null;
  let form: TaskForm | null;
  try {
    task = await ctx.api.task(taskId);
    [instance, dossier, form] = await Promise.all([
      ctx.api.instance(task.processInstanceId),
      task.dossierCode ? ctx.api.dossier(task.dossierCode).catch(() => null) : Promise.resolve(null),
      ctx.api.taskForm(task.id).catch(() => null),
      ctx.directory.load(),
    ]);
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(backLink(ctx), h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }

  if (!current()) return;
  const admin = hasRole(ctx.user, 'admin');
  // Through the router, so a message set by the action stays for exactly this view.
  const run = createActionRunner(ctx, () => ctx.navigate({ view: 'task', taskId }));
  const state = dueState(task, new Date(), null);
  const stepName = task.name ?? task.elementId;
  const stepForm =
    form && canWorkNow(ctx, task, dossier)
      ? createStepFormCard({
          form,
          stepName,
          run,
          complete: (variables, opinion) => ctx.api.complete(task.id, variables, opinion),
          adminVariables: admin ? createAdminVariables() : undefined,
        })
      : null;

  container.replaceChildren(
    h(
      'div',
      { className: 'od-task-view', 'data-task-id': task.id, 'data-element-id': task.elementId },
      backLink(ctx),
      h(
        'header',
        { className: 'od-task-header' },
        h('h1', {}, stepName),
        h(
          'p',
          { className: 'od-task-meta' },
          task.dossierCode && dossier
            ? h('a', { className: 'od-chip od-mono', href: routeHash({ view: 'dossier', code: task.dossierCode }), 'data-action': 'open-dossier' }, task.dossierCode)
            : task.dossierCode
              ? h('span', { className: 'od-chip od-mono' }, task.dossierCode)
              : null,
          h('span', {}, ctx.directory.procedureName(task.definitionId, task.definitionKey)),
          h('span', {}, ctx.directory.departmentName(task.departmentCode)),
          h(
            'span',
            { className: `od-due-text od-due-${state}`, 'data-due-state': state },
            task.dueAt ? t('Due {date}', { date: formatDateTime(task.dueAt) }) : t('No deadline'),
            state === 'overdue' ? ` · ${t('Overdue')}` : '',
          ),
          h('span', { 'data-field': 'assignee' }, task.assignee ? t('Handled by {user}', { user: ctx.directory.personName(task.assignee) }) : t('Not claimed')),
        ),
      ),
      createTaskActions({ ctx, task, dossier, form, run }),
      stepForm,
      createDiagramCard(ctx, { definitionId: task.definitionId, instanceId: task.processInstanceId, active: instance.activeActivityIds, current: task.elementId }),
      h(
        'div',
        { className: 'od-task-columns' },
        dossier ? createDossierCard(dossier, ctx.directory) : task.dossierCode ? unreadableDossier(task.dossierCode) : null,
        admin ? createVariablesTable(instance.variables) : null,
      ),
      dossier ? createDossierFilesCard(ctx, dossier.code, { finished: Boolean(dossier.finishedAt) }) : null,
      dossier?.steps.length ? createControlSheetTable(dossier.steps, ctx.directory) : null,
    ),
  );
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
