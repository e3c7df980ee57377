import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../shared/base.css';
import './operations-page.css';

import { ApiClient } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLoginForm } from '../shared/login-form.js';
import { viUi } from '../shared/vi-ui.js';
import { createAppHeader } from '../shared/app-shell/app-header.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import { renderInstanceSearch } from './instance-search.js';
import { renderInstance } from './instance-view.js';
import { renderMigration } from './migration-view.js';
import { renderProcedure } from './procedure-view.js';
import { viOperations } from './vi-operations.js';
import { errorText, type ViewContext } from './view-context.js';

/**
 * The operations console at /operations/ (issue #20), for administrators: find a dossier, see
 * it on its diagram, fix what is stuck, see where a procedure's dossiers pile up, and migrate
 * them onto a new version. The hash names the view: #search?…, #instance/<id>,
 * #procedure?key=…, #migrate?source=<definition id>.
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viOperations);
const t = i18n.t;
document.documentElement.lang = i18n.language;
document.title = t('Operations — OneDoor');

const api = new ApiClient();
const root = document.getElementById('app')!;
const restart = () => {
  authSession.clear();
  header.refresh();
  void show();
};
const header = createAppHeader({ api, currentPath: '/operations/', onLogout: restart, onExpired: restart });
const status = h('p', { className: 'od-ops-status', role: 'status', 'data-testid': 'status' });
const main = h('main', { className: 'od-ops-view' });
const nav = h(
  'nav',
  { className: 'od-ops-nav' },
  h('a', { href: '#search' }, t('Find a dossier')),
);
root.append(header.element, h('div', { className: 'od-ops' }, h('h1', { className: 'od-page-title' }, t('Operations console')), nav, status, main));

const ctx: ViewContext = {
  api,
  main,
  say(text, kind = 'ok') {
    status.textContent = text;
    status.className = `od-ops-status${kind === 'error' ? ' is-error' : ' is-ok'}`;
  },
};

window.addEventListener('hashchange', () => void show());
void show();

async function show(): Promise<void> {
  if (!authSession.token) return askLogin();
  const hash = location.hash.replace(/^#/, '');
  const [view, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  main.dataset.state = 'loading';
  if (!hash.startsWith('instance/')) status.textContent = '';
  try {
    if (view.startsWith('instance/')) await renderInstance(ctx, decodeURIComponent(view.slice('instance/'.length)));
    else if (view === 'procedure') await renderProcedure(ctx, params);
    else if (view === 'migrate') await renderMigration(ctx, params);
    else await renderInstanceSearch(ctx, params);
    main.dataset.state = 'ready';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return restart();
    main.dataset.state = 'error';
    ctx.say(errorText(error), 'error');
  }
}

function askLogin(): void {
  main.dataset.state = 'login';
  main.replaceChildren(
    h(
      'section',
      { className: 'od-ops-login' },
      h('h2', {}, t('Log in')),
      h('p', { className: 'od-muted' }, t('The operations console is for administrators: log in with an administrator account.')),
      createLoginForm({ api, onSuccess: () => { header.refresh(); void show(); } }),
    ),
  );
}
