import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { ActionRunner } from './action-runner.js';

/** Sending the dossier back to the previous step; the reason is required and kept in the control sheet, the dossier's history and the notice to the officer. */
export function createReturnForm(run: ActionRunner, previousStep: string, returnTask: (reason: string) => Promise<unknown>): HTMLFormElement {
  const t = i18n.t;
  const reason = h('textarea', { name: 'reason', required: true, rows: 3, maxlength: 2000, placeholder: t('Why is the dossier sent back?') });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': 'return' },
    h('h3', {}, t('Return the dossier to “{step}”', { step: previousStep })),
    h('label', {}, t('Reason'), reason),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-return' }, t('Send back'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.value.trim()) return void (error.textContent = t('Write the reason.'));
    void run(form, error, () => returnTask(reason.value.trim()), { success: t('The dossier was sent back to the previous step.'), then: 'leave' });
  });
  return form;
}
