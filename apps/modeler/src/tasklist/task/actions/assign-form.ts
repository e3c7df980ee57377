import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { DirectoryUser } from '@onedoor/contract';
import { describeApiError } from '../../format/api-message.js';
import type { ActionRunner } from './action-runner.js';

export interface AssignFormOptions {
  run: ActionRunner;
  officers: () => Promise<DirectoryUser[]>;
  assign(username: string): Promise<unknown>;
  /** The step's role: officers holding it are listed first. */
  role: string | null;
  current: string | null;
  nameOf(username: string): string;
}

/** The leader hands the step to a named officer of the department. */
export function createAssignForm({ run, officers, assign, role, current, nameOf }: AssignFormOptions): HTMLFormElement {
  const t = i18n.t;
  const select = h('select', { name: 'username', required: true, disabled: true }, h('option', { value: '' }, t('Loading…')));
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': 'assign' },
    h('h3', {}, t('Assign to an officer')),
    h('label', {}, t('Officer'), select),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-assign' }, t('Assign'))),
  );
  officers().then(
    (users) => {
      const active = users.filter((u) => u.active !== false);
      // Officers who hold the step's role first: they are the ones who can actually work it.
      active.sort((a, b) => Number(b.roles.includes(role ?? '')) - Number(a.roles.includes(role ?? '')) || a.fullName.localeCompare(b.fullName, 'vi'));
      select.replaceChildren(
        h('option', { value: '' }, t('— choose —')),
        ...active.map((u) =>
          h('option', { value: u.username, selected: u.username === current }, `${u.fullName}${role && u.roles.includes(role) ? '' : ` — ${t('other role')}`}`),
        ),
      );
      select.disabled = false;
    },
    (failure) => {
      select.replaceChildren(h('option', { value: '' }, '—'));
      error.textContent = describeApiError(failure);
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!select.value) return void (error.textContent = t('Choose an officer.'));
    const username = select.value;
    void run(form, error, () => assign(username), { success: t('Assigned to {user}.', { user: nameOf(username) }), then: 'reload' });
  });
  return form;
}
