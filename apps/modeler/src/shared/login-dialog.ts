import type { ApiClient } from './api-client.js';
import type { SessionUser } from './auth-session.js';
import { h } from './dom.js';
import { i18n } from './i18n.js';
import { createLoginForm } from './login-form.js';

/** Asks for a login in a modal dialog; resolves with the user, or null when cancelled. */
export function showLoginDialog(api: ApiClient, reason?: string): Promise<SessionUser | null> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { className: 'od-dialog od-login-dialog' });
    const close = (user: SessionUser | null) => {
      dialog.close();
      dialog.remove();
      resolve(user);
    };
    dialog.append(
      h('h2', {}, i18n.t('Log in')),
      ...(reason ? [h('p', { className: 'od-dialog-hint' }, reason)] : []),
      createLoginForm({ api, onSuccess: close, onCancel: () => close(null) }),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input[name="username"]')?.focus();
  });
}
