import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { Dossier, Task } from '../../api/tasklist-types.js';
import { hasRole, type TasklistContext } from '../../shell/tasklist-context.js';
import type { GatewayChoice } from '../gateway-choices.js';
import { createActionRunner } from './action-runner.js';
import { createAssignForm } from './assign-form.js';
import { createCompleteForm } from './complete-form.js';
import { createReturnForm } from './return-form.js';
import { createSupplementForm } from './supplement-form.js';

export interface TaskActionsOptions {
  ctx: TasklistContext;
  task: Task;
  dossier: Dossier | null;
  choices: Promise<GatewayChoice[]>;
  reload(): void;
}

/**
 * The buttons an officer has on an open step, shown only when the engine would allow them
 * (the engine still checks: a stale page gets a readable 403/409, not a broken state).
 * Forms open one at a time under the buttons.
 */
export function createTaskActions({ ctx, task, dossier, choices, reload }: TaskActionsOptions): HTMLElement {
  const t = i18n.t;
  const { api, user } = ctx;
  const run = createActionRunner(ctx, reload);
  const panel = h('div', { className: 'od-action-panel' });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const bar = h('div', { className: 'od-action-bar', role: 'toolbar', 'aria-label': t('Actions') });

  const mine = task.assignee === user.username;
  const free = !task.assignee;
  const worker = hasRole(user, 'officer', 'leader');
  const canWork = worker && (free || mine);
  const waiting = Boolean(dossier?.waitingSince) || Boolean(dossier?.currentSteps?.find((s) => s.id === task.id)?.suspended);
  const leader = hasRole(user, 'leader', 'admin');

  const open = (name: string, build: () => HTMLElement) => {
    const already = panel.firstElementChild?.getAttribute('data-form') === name;
    bar.querySelectorAll('[aria-expanded]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    if (already) return void panel.replaceChildren();
    bar.querySelector(`[data-action="${name}"]`)?.setAttribute('aria-expanded', 'true');
    const form = build();
    panel.replaceChildren(form);
    form.querySelector<HTMLElement>('textarea, input, select')?.focus();
  };
  const toggle = (action: string, label: string, build: () => HTMLElement, primary = false) =>
    h('button', { type: 'button', className: `od-button${primary ? ' od-button-primary' : ''}`, 'data-action': action, 'aria-expanded': 'false', onclick: () => open(action, build) }, label);
  const direct = (action: string, label: string, work: () => Promise<unknown>, success: string) => {
    const button = h('button', { type: 'button', className: 'od-button', 'data-action': action }, label);
    button.addEventListener('click', () => void run(bar, error, work, { success, then: 'reload' }));
    return button;
  };

  if (free && worker) bar.append(direct('claim', t('Claim'), () => api.claim(task.id), t('You claimed this task.')));
  if (mine) bar.append(direct('unclaim', t('Unclaim'), () => api.unclaim(task.id), t('The task is back in the department’s list.')));
  if (canWork && !waiting) {
    bar.append(
      toggle('complete', t('Complete'), () => createCompleteForm({ run, complete: (variables) => api.complete(task.id, variables), choices, stepName: task.name ?? task.elementId }), true),
      toggle('return', t('Return to previous step'), () => createReturnForm(run, (reason) => api.returnToPrevious(task.id, reason))),
    );
    if (task.dossierCode) bar.append(toggle('request-supplement', t('Request a supplement'), () => createSupplementForm(run, (missing, note) => api.requestSupplement(task.id, missing, note))));
  }
  if (waiting && dossier) {
    bar.append(direct('supplement-received', t('Supplement received'), () => api.supplementReceived(dossier.code), t('Supplement recorded; the dossier is processed again.')));
  }
  if (leader) {
    bar.append(
      toggle('assign', t('Assign to an officer'), () =>
        createAssignForm({ run, officers: () => api.officers(task.departmentCode ?? ''), assign: (username) => api.assign(task.id, username), role: task.role, current: task.assignee }),
      ),
    );
  }
  if (!bar.childElementCount) {
    bar.append(h('span', { className: 'od-muted' }, task.assignee ? t('This task is being handled by {user}.', { user: task.assignee }) : t('You cannot work this task.')));
  }
  return h('section', { className: 'od-task-actions' }, bar, error, panel);
}
