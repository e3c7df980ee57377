import { authSession } from './auth-session.js';
import { h } from './dom.js';
import { i18n } from './i18n.js';
import { createLanguageSwitch } from './language-switch.js';

/** The bar on top of a page: way home, the page's title, links to sibling pages, who is logged in, language. */
export function createPageHeader(title: string, links: { href: string; label: string }[], onLogout: () => void): { element: HTMLElement; refresh(): void } {
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
    h('h1', {}, title),
    h('nav', { className: 'od-page-nav' }, ...links.map((l) => h('a', { href: l.href }, l.label))),
    session,
    createLanguageSwitch(),
  );
  return { element, refresh: render };
}
