import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { AccountApi } from './account-api.js';
import { passwordProblemText } from './password-problem.js';

/**
 * Changing one's own password: the current one, the new one twice. The engine's policy (length,
 * common passwords, the username) answers per field; every other session of the user ends, this
 * browser goes on with the new session the engine returns.
 */
export function createPasswordCard(ctx: TasklistContext, api: AccountApi, onChanged: () => void): HTMLElement {
  const t = i18n.t;
  const field = (name: string, label: string, autocomplete: string) => {
    const input = h('input', { name, type: 'password', autocomplete, required: true, maxlength: 200 });
    const problem = h('p', { className: 'od-field-error', 'data-error-for': name });
    return { input, problem, label: h('label', {}, label, input, problem) };
  };
  const current = field('currentPassword', t('Current password'), 'current-password');
  const next = field('newPassword', t('New password'), 'new-password');
  const again = field('confirmPassword', t('New password again'), 'new-password');
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'change-password' }, t('Change password'));
  const form = h(
    'form',
    { className: 'od-card od-account-form', 'data-card': 'password' },
    h('h2', {}, t('Change password')),
    h('p', { className: 'od-hint' }, t('At least 10 characters; not a common password and not your username. A long phrase is easy to remember and hard to guess.')),
    current.label,
    next.label,
    again.label,
    error,
    h('p', { className: 'od-hint' }, t('Every other device where you are signed in will be signed out.')),
    h('div', { className: 'od-form-actions' }, submit),
  );
  const problems = [current, next, again];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of problems) f.problem.textContent = '';
    error.textContent = '';
    if (next.input.value !== again.input.value) {
      again.problem.textContent = t('The two new passwords differ.');
      return again.input.focus();
    }
    submit.disabled = true;
    try {
      await api.changePassword(current.input.value, next.input.value);
      form.reset();
      ctx.flash(t('Your password has been changed. Other devices have been signed out.'), 'success');
      onChanged(); // the list of sessions is down to this one
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400 && failure.details.some((d) => d.field)) {
        for (const f of problems) {
          const problem = failure.fieldProblem(f.input.name);
          if (problem) f.problem.textContent = passwordProblemText(problem);
        }
        problems.find((f) => f.problem.textContent)?.input.focus();
      } else if (failure instanceof ApiError && failure.retryAfterSeconds) {
        error.textContent = t('Too many wrong passwords. Try again in {seconds} seconds.', { seconds: failure.retryAfterSeconds });
      } else if (!ctx.handleCommonError(failure)) {
        error.textContent = describeApiError(failure);
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
