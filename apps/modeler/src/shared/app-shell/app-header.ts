import './app-header.css';

import type { ApiClient } from '../api-client.js';
import { authSession } from '../auth-session.js';
import { h } from '../dom.js';
import { i18n } from '../i18n.js';
import { createLanguageSwitch } from '../language-switch.js';
import { navLinksFor } from './nav-links.js';
import { createNotificationBell } from './notification-bell.js';

export interface AppHeaderOptions {
  api: ApiClient;
  /** The page's link (`/`, `/#/dossiers`, `/modeler/`…), marked as the current one. */
  currentPath: string;
  /** Logged out, the header offers a login button (pages that work without one, the designer). */
  onLogin?(): void;
  onLogout(): void;
  /** Called when the session has ended (an expired token answered 401). */
  onExpired?(): void;
  /** Work to keep across the reload a language switch makes (the designer's open diagram). */
  beforeLanguageSwitch?(): unknown;
}

export interface AppHeader {
  element: HTMLElement;
  /** Re-renders for the current session (after a login or logout). */
  refresh(): void;
  /** Marks another link as the current page (the task list's hash routes). */
  markCurrent(path: string): void;
  stop(): void;
}

const ROLES_WITH_NOTIFICATIONS = ['officer', 'leader', 'reception', 'admin'];

/**
 * The one header of every page (issue #18): the way home, the pages the user's roles open, the
 * notifications, who is logged in — by name and department name, never a code — the language,
 * and logging out. Every page builds it the same way, so it looks and works the same everywhere.
 */
export function createAppHeader(options: AppHeaderOptions): AppHeader {
  const t = i18n.t;
  const element = h('header', { className: 'od-app-header', 'data-testid': 'app-header' });
  let current = options.currentPath;
  let bell: { element: HTMLElement; stop(): void } | undefined;

  const render = () => {
    bell?.stop();
    bell = undefined;
    const user = authSession.user;
    const nav = h(
      'nav',
      { className: 'od-app-nav', 'aria-label': t('Pages') },
      (user ? navLinksFor(user) : []).map((link) =>
        h('a', { href: link.href, 'data-nav': link.href, 'aria-current': link.href === current ? 'page' : undefined }, t(link.label)),
      ),
    );
    const tools = h('div', { className: 'od-app-tools' });
    if (user) {
      if (user.roles.some((r) => ROLES_WITH_NOTIFICATIONS.includes(r))) {
        bell = createNotificationBell({ api: options.api, onExpired: () => options.onExpired?.() });
        tools.append(bell.element);
      }
      const department = h('small', { 'data-field': 'department' });
      // The name leads to the account page (password, authenticator, sessions).
      tools.append(h('a', { className: 'od-app-user', href: '/#/account', 'data-testid': 'current-user', title: `${user.username} — ${t('My account')}` }, user.fullName || user.username, department));
      void departmentName(options.api, user.departmentCode).then((name) => (department.textContent = name ? ` · ${name}` : ''));
    }
    tools.append(createLanguageSwitch(options.beforeLanguageSwitch));
    if (user) {
      tools.append(h('button', { type: 'button', className: 'od-button', 'data-action': 'logout', onclick: () => logOut() }, t('Log out')));
    } else if (options.onLogin) {
      tools.append(h('button', { type: 'button', className: 'od-button', 'data-action': 'login', onclick: () => options.onLogin!() }, t('Log in')));
    }
    element.replaceChildren(h('a', { className: 'od-app-brand', href: '/', title: t('Home') }, h('img', { src: '/favicon.svg', alt: '', width: 20, height: 20 }), 'OneDoor'), nav, tools);
  };
  // The token stops working on the server too (on every node), not only in this browser.
  const logOut = () => {
    const token = authSession.token;
    if (token) void options.api.post('/api/auth/logout').catch(() => undefined);
    options.onLogout();
  };
  render();
  return {
    element,
    refresh: render,
    markCurrent: (path) => {
      current = path;
      element.querySelectorAll<HTMLAnchorElement>('.od-app-nav a').forEach((a) => {
        if (a.getAttribute('data-nav') === path) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      });
    },
    stop: () => bell?.stop(),
  };
}

let departments: Promise<{ code: string; name: string }[]> | undefined;

/** The user's department by name; the list is read once per page. */
async function departmentName(api: ApiClient, code: string | null | undefined): Promise<string> {
  if (!code) return '';
  departments ??= api.get<{ code: string; name: string }[]>('/api/departments').catch(() => []);
  return (await departments).find((d) => d.code === code)?.name ?? '';
}
