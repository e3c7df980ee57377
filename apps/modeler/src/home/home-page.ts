import '../shared/base.css';
import './home-page.css';

import { ApiClient } from '../shared/api-client.js';
import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createLoginForm } from '../shared/login-form.js';
import { viUi } from '../shared/vi-ui.js';

/**
 * The landing page at `/`: what OneDoor is, a login, and the way to the designer.
 * The task list will live here too (src/tasklist/, built separately).
 */
i18n.register(viUi);
const t = i18n.t;
document.documentElement.lang = i18n.language;
document.title = t('OneDoor — electronic one-stop shop');

const api = new ApiClient();
const root = document.getElementById('app')!;
const sessionBox = h('section', { className: 'od-home-session' });

root.append(
  h(
    'header',
    { className: 'od-home-header' },
    h('h1', {}, t('OneDoor — electronic one-stop shop')),
    createLanguageSwitch(),
  ),
  h('p', { className: 'od-home-lead' }, t('Administrative procedures under the one-stop-shop mechanism: design the internal procedures, receive and process dossiers on time.')),
  h(
    'main',
    { className: 'od-home-cards' },
    h(
      'article',
      { className: 'od-home-card' },
      h('h2', {}, t('Procedure designer')),
      h('p', {}, t('Draw an internal procedure, check it against the statutory time and deploy it.')),
      h('a', { className: 'od-button od-button-primary', href: '/modeler/', 'data-testid': 'open-modeler' }, t('Open the designer')),
    ),
    h(
      'article',
      { className: 'od-home-card' },
      h('h2', {}, t('Task list')),
      h('p', {}, t('Coming soon: the dossiers waiting for your department.')),
    ),
    sessionBox,
  ),
  h('footer', { className: 'od-home-footer' }, h('a', { href: '/api/docs' }, t('API documentation'))),
);

renderSession();

function renderSession(): void {
  const user = authSession.user;
  if (user) {
    sessionBox.replaceChildren(
      h('h2', {}, t('Logged in as {name}', { name: user.fullName || user.username })),
      h('button', { type: 'button', className: 'od-button', onclick: () => { authSession.clear(); renderSession(); } }, t('Log out')),
    );
  } else {
    sessionBox.replaceChildren(h('h2', {}, t('Log in')), createLoginForm({ api, onSuccess: () => renderSession() }));
  }
}
