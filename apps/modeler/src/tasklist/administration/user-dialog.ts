import type { Department, DirectoryUser } from '@onedoor/contract';
import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { passwordProblemText } from '../account/password-problem.js';
import { describeApiError } from '../format/api-message.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { AdministrationApi } from './administration-api.js';
import { ROLE_CHOICES } from './role-choices.js';

export interface UserDialogOptions {
  ctx: TasklistContext;
  api: AdministrationApi;
  departments: Department[];
  /** Everyone, for the role codes in use beyond the known ones. */
  users: DirectoryUser[];
  /** The user to edit; none: a new user. */
  user?: DirectoryUser;
  onSaved(): void;
}

/**
 * One user in a dialog: a new one (username, first password), or an existing one — name,
 * department, roles; a new password; disabling or enabling; ending their sessions. A change of
 * department or roles, a new password and disabling sign the user out everywhere (the engine
 * does it; the dialog says so before).
 */
export function openUserDialog({ ctx, api, departments, users, user, onSaved }: UserDialogOptions): void {
  const t = i18n.t;
  const dialog = h('dialog', { className: 'od-dialog od-user-dialog', 'data-username': user?.username ?? '' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const problemFor = (name: string) => h('p', { className: 'od-field-error', 'data-error-for': name });
  const error = h('p', { className: 'od-form-error', role: 'alert' });

  const username = h('input', { name: 'username', required: true, pattern: '[a-z0-9_.\\-]{2,50}', autocomplete: 'off', value: user?.username ?? '', disabled: Boolean(user) });
  const fullName = h('input', { name: 'fullName', required: true, maxlength: 200, value: user?.fullName ?? '' });
  const department = h(
    'select',
    { name: 'departmentCode' },
    h('option', { value: '' }, t('— no department —')),
    departments.map((d) => h('option', { value: d.code, selected: user?.departmentCode === d.code }, d.name)),
  );
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 200 });
  const known = new Set(ROLE_CHOICES.map((r) => r.code));
  const others = [...new Set(users.flatMap((u) => u.roles))].filter((r) => !known.has(r)).sort();
  const roleBox = (code: string, label: string) =>
    h('label', { className: 'od-check' }, h('input', { type: 'checkbox', name: 'roles', value: code, checked: Boolean(user?.roles.includes(code)) }), ` ${label}`);
  const roles = h(
    'fieldset',
    { className: 'od-role-choices' },
    h('legend', {}, t('Roles')),
    h('div', {}, h('small', {}, t('What the user may do'))),
    ROLE_CHOICES.filter((r) => r.kind === 'system').map((r) => roleBox(r.code, t(r.label))),
    h('div', {}, h('small', {}, t('Steps of procedures the user handles'))),
    ROLE_CHOICES.filter((r) => r.kind === 'step').map((r) => roleBox(r.code, t(r.label))),
    others.map((code) => roleBox(code, code)),
  );
  const problems = { username: problemFor('username'), fullName: problemFor('fullName'), departmentCode: problemFor('departmentCode'), password: problemFor('password'), roles: problemFor('roles') };
  const save = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'save-user' }, user ? t('Save') : t('Create'));
  const form = h(
    'form',
    { className: 'od-account-form', method: 'dialog' },
    h('label', {}, t('Username'), username, problems.username),
    h('label', {}, t('Full name'), fullName, problems.fullName),
    h('label', {}, t('Department'), department, problems.departmentCode),
    user ? null : h('label', {}, t('First password'), password, problems.password),
    roles,
    problems.roles,
    user ? h('p', { className: 'od-hint' }, t('Changing the department or roles signs the user out everywhere, so no token keeps rights the user no longer has.')) : null,
    error,
    h('div', { className: 'od-form-actions' }, save, h('button', { type: 'button', className: 'od-button', 'data-action': 'cancel', onclick: close }, t('Cancel'))),
  );

  const chosenRoles = () => [...roles.querySelectorAll<HTMLInputElement>('input[name="roles"]:checked')].map((i) => i.value);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const p of Object.values(problems)) p.textContent = '';
    error.textContent = '';
    save.disabled = true;
    try {
      if (user) {
        await api.updateUser(user.username, { fullName: fullName.value.trim(), departmentCode: department.value || null, roles: chosenRoles() });
        ctx.flash(t('{name} has been saved.', { name: fullName.value.trim() }), 'success');
      } else {
        await api.createUser({ username: username.value.trim(), fullName: fullName.value.trim(), departmentCode: department.value, roles: chosenRoles(), password: password.value });
        ctx.flash(t('{name} has been added.', { name: fullName.value.trim() }), 'success');
      }
      close();
      onSaved();
    } catch (failure) {
      save.disabled = false;
      showProblems(failure, problems, error, ctx);
    }
  });

  dialog.append(h('h2', {}, user ? t('User {name}', { name: user.fullName }) : t('Add a user')), form);
  if (user) dialog.append(accountActions(ctx, api, user, () => (close(), onSaved())));
  document.body.append(dialog);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  dialog.showModal();
  (user ? fullName : username).focus();
}

/** A new password, disabling or enabling, ending the sessions: each at once, each audited. */
function accountActions(ctx: TasklistContext, api: AdministrationApi, user: DirectoryUser, done: () => void): HTMLElement {
  const t = i18n.t;
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const run = async (button: HTMLButtonElement, work: () => Promise<void>, message: string) => {
    button.disabled = true;
    error.textContent = '';
    try {
      await work();
      ctx.flash(message, 'success');
      done();
    } catch (failure) {
      button.disabled = false;
      if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    }
  };

  const newPassword = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, maxlength: 200 });
  const passwordProblem = h('p', { className: 'od-field-error', 'data-error-for': 'newPassword' });
  const setPassword = h('button', { type: 'submit', className: 'od-button', 'data-action': 'reset-password' }, t('Set the new password'));
  const passwordForm = h(
    'form',
    { className: 'od-account-form' },
    h('label', {}, t('New password'), newPassword, passwordProblem),
    h('div', { className: 'od-form-actions' }, setPassword),
  );
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    passwordProblem.textContent = '';
    setPassword.disabled = true;
    try {
      await api.resetPassword(user.username, newPassword.value);
      ctx.flash(t('The password of {name} has been set; their sessions have ended.', { name: user.fullName }), 'success');
      done();
    } catch (failure) {
      setPassword.disabled = false;
      const problem = failure instanceof ApiError ? failure.fieldProblem('newPassword') : undefined;
      if (problem) passwordProblem.textContent = passwordProblemText(problem);
      else if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    }
  });

  const toggle = h('button', { type: 'button', className: 'od-button', 'data-action': user.active ? 'disable-user' : 'enable-user' }, user.active ? t('Disable the account') : t('Enable the account'));
  toggle.addEventListener('click', () => {
    if (user.active && !confirm(t('Disable {name}? They are signed out everywhere at once and cannot sign in until enabled again.', { name: user.fullName }))) return;
    void run(toggle, async () => void (await api.updateUser(user.username, { active: !user.active })), user.active ? t('{name} is disabled and signed out everywhere.', { name: user.fullName }) : t('{name} may sign in again.', { name: user.fullName }));
  });
  const endSessions = h('button', { type: 'button', className: 'od-button', 'data-action': 'end-sessions' }, t('Sign out everywhere'));
  endSessions.addEventListener('click', () => void run(endSessions, () => api.endSessions(user.username), t('{name} is signed out everywhere.', { name: user.fullName })));

  return h(
    'section',
    { className: 'od-user-actions' },
    user.external ? h('p', { className: 'od-hint' }, t('Signs in with the agency account; a password set here also lets them sign in with it.')) : null,
    h('details', {}, h('summary', {}, t('Set a new password')), passwordForm),
    h('div', { className: 'od-form-actions' }, toggle, endSessions),
    error,
  );
}

/** The engine's 400 names the field; each problem goes under its field, the rest above the buttons. */
function showProblems(failure: unknown, problems: Record<string, HTMLElement>, error: HTMLElement, ctx: TasklistContext): void {
  const t = i18n.t;
  if (ctx.handleCommonError(failure)) return;
  if (failure instanceof ApiError && failure.status === 409) {
    problems.username.textContent = t('This username is taken.');
    return;
  }
  if (failure instanceof ApiError && failure.status === 400) {
    let placed = false;
    for (const detail of failure.details) {
      const name = detail.field?.replace(/\..*$/, '');
      if (name && problems[name]) {
        problems[name].textContent = name === 'password' ? passwordProblemText(detail.message) : t(detail.message);
        placed = true;
      }
    }
    if (placed) return;
  }
  error.textContent = describeApiError(failure);
}
