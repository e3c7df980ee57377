import type { Department, DirectoryUser } from '@onedoor/contract';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { AdministrationApi } from './administration-api.js';
import { roleLabel } from './role-choices.js';
import { openUserDialog } from './user-dialog.js';

/**
 * The users of OneDoor: found by name, username or department, each opened to edit — name,
 * department, roles, password, whether they may sign in, their sessions.
 */
export async function renderUsers(ctx: TasklistContext, container: HTMLElement, api: AdministrationApi, query: Record<string, string>): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  let users: DirectoryUser[];
  let departments: Department[];
  try {
    [users, departments] = await Promise.all([api.users(), api.departments()]);
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }
  if (!current()) return;
  const departmentName = (code: string | null) => (code ? departments.find((d) => d.code === code)?.name ?? code : '—');
  const reload = () => void renderUsers(ctx, container, api, { q: search.value, department: department.value, state: state.value });

  const search = h('input', { type: 'search', name: 'q', value: query.q ?? '', placeholder: t('Name or username'), autocomplete: 'off' });
  const department = h(
    'select',
    { name: 'department' },
    h('option', { value: '' }, t('All departments')),
    departments.map((d) => h('option', { value: d.code, selected: query.department === d.code }, d.name)),
  );
  const state = h(
    'select',
    { name: 'state' },
    h('option', { value: '' }, t('Everyone')),
    h('option', { value: 'active', selected: query.state === 'active' }, t('Active')),
    h('option', { value: 'disabled', selected: query.state === 'disabled' }, t('Disabled')),
  );
  const create = h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'create-user' }, t('Add a user'));
  create.addEventListener('click', () => void openUserDialog({ ctx, api, departments, users, onSaved: reload }));
  const body = h('tbody', {});
  const count = h('p', { className: 'od-hint', 'data-field': 'count' });

  const paint = () => {
    const words = search.value.trim().toLocaleLowerCase('vi');
    const shown = users.filter(
      (u) =>
        (!words || `${u.fullName} ${u.username}`.toLocaleLowerCase('vi').includes(words)) &&
        (!department.value || u.departmentCode === department.value) &&
        (!state.value || (state.value === 'active') === u.active),
    );
    count.textContent = t('{shown} of {total} users', { shown: shown.length, total: users.length });
    body.replaceChildren(
      ...shown.map((u) => {
        const edit = h('button', { type: 'button', className: 'od-button', 'data-action': 'edit-user' }, t('Edit'));
        edit.addEventListener('click', () => void openUserDialog({ ctx, api, departments, users, user: u, onSaved: reload }));
        return h(
          'tr',
          { 'data-username': u.username, 'data-active': String(u.active) },
          h('td', {}, h('strong', {}, u.fullName), h('br', {}), h('small', {}, u.username)),
          h('td', {}, departmentName(u.departmentCode)),
          h('td', {}, u.roles.map((r) => (roleLabel(r) ? t(roleLabel(r)!) : r)).join(', ')),
          h('td', { 'data-field': 'state' }, u.active ? t('Active') : h('span', { className: 'od-badge od-badge-off' }, t('Disabled'))),
          h('td', {}, u.external ? t('Agency account') : t('Password'), u.totpEnabled ? ` + ${t('authenticator')}` : ''),
          h('td', {}, edit),
        );
      }),
    );
  };
  search.addEventListener('input', paint);
  department.addEventListener('change', paint);
  state.addEventListener('change', paint);
  paint();

  container.replaceChildren(
    h(
      'div',
      { className: 'od-admin-users', 'data-loaded': '' },
      h('div', { className: 'od-admin-toolbar', role: 'search' }, h('label', {}, t('Find'), search), h('label', {}, t('Department'), department), h('label', {}, t('State'), state), create),
      count,
      h(
        'table',
        { className: 'od-table od-user-table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('User')), h('th', {}, t('Department')), h('th', {}, t('Roles')), h('th', {}, t('State')), h('th', {}, t('Signs in with')), h('th', {}, ''))),
        body,
      ),
    ),
  );
}
