import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { AdminSection } from '../shell/router.js';
import { hasRole, type TasklistContext } from '../shell/tasklist-context.js';
import type { AdministrationApi } from './administration-api.js';
import { renderDepartments } from './departments-view.js';
import { renderUsers } from './users-view.js';

/**
 * "Quản trị hệ thống" (`/#/admin/users`, `/#/admin/departments`, issue #25): the administrator
 * keeps the accounts and the organisation the procedures assign work to.
 */
export function renderAdministration(ctx: TasklistContext, container: HTMLElement, api: AdministrationApi, section: AdminSection, query: Record<string, string>): void {
  const t = i18n.t;
  document.title = t('Administration — OneDoor');
  if (!hasRole(ctx.user, 'admin')) {
    container.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, t('Only administrators manage users and departments.')));
    return;
  }
  const body = h('div', { className: 'od-admin-body' });
  const tab = (target: AdminSection, label: string) =>
    h('a', { className: 'od-tab', href: `#/admin/${target}`, 'data-tab': target, 'aria-selected': String(target === section) }, label);
  container.replaceChildren(
    h(
      'div',
      { className: 'od-admin', 'data-section': section },
      h('h1', {}, t('Administration')),
      h('nav', { className: 'od-tabs', 'aria-label': t('Administration') }, tab('users', t('Users')), tab('departments', t('Departments'))),
      body,
    ),
  );
  if (section === 'departments') void renderDepartments(ctx, body, api);
  else void renderUsers(ctx, body, api, query);
}
