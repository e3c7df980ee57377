import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { Dossier, Task, TaskForm } from '@onedoor/contract';
import { hasRole, type TasklistContext } from '../../shell/tasklist-context.js';
import type { ActionRunner } from './action-runner.js';
import { createAssignForm } from './assign-form.js';
import { createReturnForm } from './return-form.js';
import { createSupplementForm } from './supplement-form.js';

export interface TaskActionsOptions {
  ctx: TasklistContext;
  task: Task;
  dossier: Dossier | null;
  /** The step's form: says where a return would go (none on the first step). */
  form: TaskForm | null;
  run: ActionRunner;
}

/** Whether the user may work the step now (the step form is shown then). */
export function canWorkNow(ctx: TasklistContext, task: Task, dossier: Dossier | null): boolean {
  const worker = hasRole(ctx.user, 'officer', 'leader');
  const free = !task.assignee;
  const mine = task.assignee === ctx.user.username;
  return worker && (free || mine) && !isWaiting(task, dossier);
}

function isWaiting(task: Task, dossier: Dossier | null): boolean {
  return Boolean(dossier?.waitingSince) || Boolean(dossier?.currentSteps?.find((s) => s.id === task.id)?.suspended);
}

/**
 * The other things an officer can do with an open step, shown only when they apply: no
 * "return" on the first step, no supplement request while one is awaited (the engine still
 * checks: a stale page gets a readable 403/409, not a broken state). Forms open one at a time.
 */
export function createTaskActions({ ctx, task, dossier, form, run }: TaskActionsOptions): HTMLElement {
  const t = i18n.t;
  const { api, user } = ctx;
  const panel = h('div', { className: 'od-action-panel' });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const bar = h('div', { className: 'od-action-bar', role: 'toolbar', 'aria-label': t('Actions') });

  const mine = task.assignee === user.username;
  const free = !task.assignee;
  const worker = hasRole(user, 'officer', 'leader');
  const waiting = isWaiting(task, dossier);
  const canWork = canWorkNow(ctx, task, dossier);
  const leader = hasRole(user, 'leader', 'admin');

  const open = (name: string, build: () => HTMLElement) => {
    const already = panel.firstElementChild?.getAttribute('data-form') === name;
    bar.querySelectorAll('[aria-expanded]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    if (already) return void panel.replaceChildren();
    bar.querySelector(`[data-action="${name}"]`)?.setAttribute('aria-expanded', 'true');
    const built = build();
    panel.replaceChildren(built);
    built.querySelector<HTMLElement>('textarea, input, select')?.focus();
  };
  const toggle = (action: string, label: string, build: () => HTMLElement) =>
    h('button', { type: 'button', className: 'od-button', 'data-action': action, 'aria-expanded': 'false', onclick: () => open(action, build) }, label);
  const direct = (action: string, label: string, work: () => Promise<unknown>, success: string) => {
    const button = h('button', { type: 'button', className: 'od-button', 'data-action': action }, label);
    button.addEventListener('click', () => void run(bar, error, work, { success, then: 'reload' }));
    return button;
  };

  if (free && worker) bar.append(direct('claim', t('Claim'), () => api.claim(task.id), t('You claimed this task.')));
  if (mine) bar.append(direct('unclaim', t('Unclaim'), () => api.unclaim(task.id), t('The task is back in the department’s list.')));
  if (canWork && form?.previousStep) {
    const to = form.previousStep.name ?? form.previousStep.elementId;
    bar.append(toggle('return', t('Return to “{step}”', { step: to }), () => createReturnForm(run, to, (reason) => api.returnToPrevious(task.id, reason))));
  }
  if (canWork && task.dossierCode && dossier) {
    bar.append(toggle('request-supplement', t('Request a supplement'), () => createSupplementForm(run, (missing, note) => api.requestSupplement(task.id, missing, note))));
  }
  if (waiting && dossier) {
    bar.append(direct('supplement-received', t('Supplement received'), () => api.supplementReceived(dossier.code), t('Supplement recorded; the dossier is processed again.')));
  }
  if (leader) {
    bar.append(
      toggle('assign', t('Assign to an officer'), () =>
        createAssignForm({ run, officers: () => api.officers(task.departmentCode ?? ''), assign: (username) => api.assign(task.id, username), role: task.role, current: task.assignee, nameOf: (u) => ctx.directory.personName(u) }),
      ),
    );
  }
  if (!bar.childElementCount) {
    bar.append(h('span', { className: 'od-muted' }, task.assignee ? t('This task is being handled by {user}.', { user: ctx.directory.personName(task.assignee) }) : t('You cannot work this task.')));
  }
  return h('section', { className: 'od-task-actions' }, bar, error, panel);
}
