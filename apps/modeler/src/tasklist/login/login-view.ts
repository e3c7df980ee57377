import type { ApiClient } from '../../shared/api-client.js';
import type { SessionUser } from '../../shared/auth-session.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { createLoginForm } from '../../shared/login-form.js';
import { createDemoUsersNote } from './demo-users-note.js';

/** What `/` shows before login: what OneDoor is, the login form, the way to the designer. */
export function createLoginView(api: ApiClient, onLogin: (user: SessionUser) => void, notice?: string): HTMLElement {
  const t = i18n.t;
  const form = createLoginForm({ api, onSuccess: onLogin });
  return h(
    'div',
    { className: 'od-login-page' },
    h(
      'header',
      { className: 'od-login-header' },
      h('h1', {}, t('OneDoor — electronic one-stop shop')),
    ),
    h('p', { className: 'od-login-lead' }, t('Administrative procedures under the one-stop-shop mechanism: design the internal procedures, receive and process dossiers on time.')),
    h(
      'main',
      { className: 'od-login-main' },
      h(
        'section',
        { className: 'od-login-card' },
        h('h2', {}, t('Log in to your task list')),
        notice ? h('p', { className: 'od-form-error', role: 'alert' }, notice) : null,
        form,
        createDemoUsersNote(form),
      ),
      h(
        'aside',
        { className: 'od-login-aside' },
        h('h2', {}, t('Procedure designer')),
        h('p', {}, t('Draw an internal procedure, check it against the statutory time and deploy it.')),
        h('a', { className: 'od-button', href: '/modeler/', 'data-testid': 'open-modeler' }, t('Open the designer')),
        h('p', { className: 'od-login-small' }, h('a', { href: '/api/docs' }, t('API documentation'))),
      ),
    ),
  );
}
