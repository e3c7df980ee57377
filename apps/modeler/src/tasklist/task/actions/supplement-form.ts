import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { ActionRunner } from './action-runner.js';

/**
 * Form 02: everything missing is listed at once (one item a line), so the applicant comes back
 * only once. The step stays with the officer and waits.
 */
export function createSupplementForm(run: ActionRunner, request: (missing: string[], note: string) => Promise<unknown>): HTMLFormElement {
  const t = i18n.t;
  const missing = h('textarea', { name: 'missing', rows: 4, required: true, placeholder: t('One missing item per line') });
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 2000 });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': 'request-supplement' },
    h('h3', {}, t('Request a supplement (form 02)')),
    h('label', {}, t('Missing items (one per line)'), missing),
    h('label', {}, t('Note to the applicant'), note),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-supplement' }, t('Send the request'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const items = missing.value.split('\n').map((line) => line.trim()).filter(Boolean);
    if (!items.length) return void (error.textContent = t('List at least one missing item.'));
    void run(form, error, () => request(items, note.value.trim()), { success: t('Supplement requested; the dossier waits for the applicant.'), then: 'reload' });
  });
  return form;
}
