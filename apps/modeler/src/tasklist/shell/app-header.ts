import './app-header.css';

import type { SessionUser } from '../../shared/auth-session.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { createLanguageSwitch } from '../../shared/language-switch.js';
import { navLinksFor } from './nav-links.js';

export interface AppHeaderOptions {
  user: SessionUser;
  /** Path of the page showing the header, to mark its link. */
  currentPath: string;
  /** Extra controls before the user's name (the notification bell). */
  tools?: HTMLElement[];
  onLogout(): void;
}

/** The bar every logged-in page shares: where to go, who is logged in, language, log out. */
export function createAppHeader({ user, currentPath, tools = [], onLogout }: AppHeaderOptions): HTMLElement {
  const t = i18n.t;
  return h(
    'header',
    { className: 'od-app-header' },
    h('a', { className: 'od-app-brand', href: '/' }, 'OneDoor'),
    h(
      'nav',
      { className: 'od-app-nav', 'aria-label': t('Pages') },
      navLinksFor(user).map((link) =>
        h('a', { href: link.href, 'data-nav': link.href, 'aria-current': link.href === currentPath ? 'page' : undefined }, t(link.label)),
      ),
    ),
    h(
      'div',
      { className: 'od-app-tools' },
      ...tools,
      h(
        'span',
        { className: 'od-app-user', 'data-testid': 'current-user', title: user.roles.join(', ') },
        user.fullName || user.username,
        user.departmentCode ? h('small', {}, ` · ${user.departmentCode}`) : null,
      ),
      createLanguageSwitch(),
      h('button', { type: 'button', className: 'od-button', 'data-action': 'logout', onclick: () => onLogout() }, t('Log out')),
    ),
  );
}
