import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import type { SessionUser } from './auth-session.js';
import { h } from './dom.js';
import { i18n } from './i18n.js';

export interface LoginFormOptions {
  api: ApiClient;
  onSuccess(user: SessionUser): void;
  onCancel?(): void;
}

/** Username/password form posting to `/api/auth/login`; shared by the home page and dialogs. */
export function createLoginForm({ api, onSuccess, onCancel }: LoginFormOptions): HTMLFormElement {
  const t = i18n.t;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'od-button od-button-primary' }, t('Log in'));

  const form = h(
    'form',
    { className: 'od-login-form' },
    h('label', {}, t('Username'), username),
    h('label', {}, t('Password'), password),
    error,
    h(
      'div',
      { className: 'od-form-actions' },
      submit,
      onCancel && h('button', { type: 'button', className: 'od-button', onclick: () => onCancel() }, t('Cancel')),
    ),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const { user } = await api.login(username.value.trim(), password.value);
      onSuccess(user);
    } catch (failure) {
      error.textContent =
        failure instanceof ApiError && failure.status === 401
          ? t('Wrong username or password.')
          : failure instanceof ApiError && failure.isOffline
            ? t('Cannot reach the server.')
            : String((failure as Error).message);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
