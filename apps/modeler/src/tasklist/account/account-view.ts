import { formatDateTime } from '../../shared/date-time.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { Account, AccountApi } from './account-api.js';
import { createAuthenticatorCard } from './authenticator-card.js';
import { createPasswordCard } from './password-card.js';

/**
 * "Tài khoản của tôi" (`/#/account`, issue #25): who I am, my password, my authenticator app and
 * where I am signed in — with the way to sign out everywhere else.
 */
export async function renderAccountView(ctx: TasklistContext, container: HTMLElement, api: AccountApi): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  document.title = t('My account — OneDoor');
  let account: Account;
  try {
    [account] = await Promise.all([api.account(), ctx.directory.load()]);
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    container.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }
  if (!current()) return;
  const reload = () => void renderAccountView(ctx, container, api);
  const department = ctx.directory.departmentName(account.departmentCode) || '—';
  container.replaceChildren(
    h(
      'div',
      { className: 'od-account', 'data-testid': 'account', 'data-loaded': '' },
      h('h1', {}, t('My account')),
      h(
        'section',
        { className: 'od-card' },
        h(
          'dl',
          { className: 'od-account-facts' },
          h('dt', {}, t('Full name')),
          h('dd', { 'data-field': 'fullName' }, account.fullName),
          h('dt', {}, t('Username')),
          h('dd', { 'data-field': 'username' }, account.username),
          h('dt', {}, t('Department')),
          h('dd', { 'data-field': 'department' }, department),
        ),
      ),
      account.external
        ? h('section', { className: 'od-card', 'data-card': 'password' }, h('h2', {}, t('Password')), h('p', {}, t('You sign in with your agency account: change its password in your agency’s directory.')))
        : createPasswordCard(ctx, api, reload),
      createAuthenticatorCard(ctx, api, account.totpEnabled, reload),
      sessionsCard(ctx, api, account, reload),
    ),
  );
}

function sessionsCard(ctx: TasklistContext, api: AccountApi, account: Account, reload: () => void): HTMLElement {
  const t = i18n.t;
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const others = account.sessions.filter((s) => !s.current).length;
  const endOthers = h('button', { type: 'button', className: 'od-button', 'data-action': 'end-other-sessions', disabled: others === 0 }, t('Sign out of all other devices'));
  endOthers.addEventListener('click', async () => {
    if (!confirm(t('Sign out of every other device where you are signed in?'))) return;
    endOthers.disabled = true;
    try {
      await api.endOtherSessions();
      ctx.flash(t('You are signed out of every other device.'), 'success');
      reload();
    } catch (failure) {
      if (ctx.handleCommonError(failure)) return;
      error.textContent = describeApiError(failure);
      endOthers.disabled = false;
    }
  });
  return h(
    'section',
    { className: 'od-card', 'data-card': 'sessions' },
    h('h2', {}, t('Where you are signed in')),
    h(
      'table',
      { className: 'od-table od-session-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('Device')), h('th', {}, t('Signed in at')), h('th', {}, t('Last active')))),
      h(
        'tbody',
        {},
        account.sessions.map((s) =>
          h(
            'tr',
            { 'data-session': s.id, 'data-current': s.current ? 'true' : undefined },
            h('td', {}, describeClient(s.client), s.current ? h('strong', { className: 'od-session-current' }, ` (${t('this device')})`) : null),
            h('td', {}, formatDateTime(s.startedAt)),
            h('td', {}, formatDateTime(s.lastRenewedAt)),
          ),
        ),
      ),
    ),
    error,
    h('div', { className: 'od-form-actions' }, endOthers),
  );
}

/** A user agent, shortened to the browser and system people recognise. */
function describeClient(agent: string | null): string {
  if (!agent) return i18n.t('Unknown device');
  const browser = /Edg\/[\d.]+/.exec(agent)?.[0]?.replace('Edg', 'Edge') ?? /(Firefox|Chrome|Chromium|Safari)\/[\d]+/.exec(agent)?.[0] ?? agent.slice(0, 40);
  const system = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(agent)?.[0];
  return system ? `${browser.replace('/', ' ')} · ${system}` : browser.replace('/', ' ');
}
