import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLanguageSwitch } from '../shared/language-switch.js';

/** The bar on top of the reports: way home, the other manager pages, who is logged in, language. */
export function createReportsHeader(onLogout: () => void): { element: HTMLElement; refresh(): void } {
  const t = i18n.t;
  const session = h('div', { className: 'od-session' });
  const render = () => {
    const user = authSession.user;
    session.replaceChildren(
      ...(user
        ? [
            h('span', { className: 'od-user', 'data-testid': 'current-user' }, user.fullName || user.username),
            h('button', { type: 'button', className: 'od-button od-button-link', 'data-action': 'logout', onclick: () => { authSession.clear(); onLogout(); render(); } }, t('Log out')),
          ]
        : []),
    );
  };
  render();
  const element = h(
    'header',
    { className: 'od-page-header' },
    h('a', { className: 'od-brand', href: '/', title: t('Home') }, 'OneDoor'),
    h('h1', {}, t('Reports on administrative procedures')),
    h('nav', { className: 'od-page-nav' }, h('a', { href: '/modeler/' }, t('Procedure designer')), h('a', { href: '/compare/' }, t('Before and after simplification'))),
    session,
    createLanguageSwitch(),
  );
  return { element, refresh: render };
}
