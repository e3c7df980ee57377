import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';

/** Demo accounts of processes/organisation.json, one per step of the sample procedures. */
const DEMO_USERS = ['motcua.syt', 'truongphong.btxh', 'chuyenvien.btxh', 'lanhdao.syt', 'vanthu.syt', 'admin'];

/**
 * The engine does not say whether it runs in demo mode, so the hint is a small note worded
 * conditionally rather than a banner; clicking a name fills the username field.
 */
export function createDemoUsersNote(form: HTMLFormElement): HTMLElement {
  const t = i18n.t;
  const fill = (username: string) => {
    const input = form.querySelector<HTMLInputElement>('input[name="username"]');
    const password = form.querySelector<HTMLInputElement>('input[name="password"]');
    if (input) input.value = username;
    password?.focus();
  };
  return h(
    'p',
    { className: 'od-demo-note', 'data-testid': 'demo-note' },
    t('Demo installation (npm start without a database): every sample account has the password “demo”, e.g.'),
    ' ',
    DEMO_USERS.flatMap((username, index) => [
      index ? ', ' : '',
      h('button', { type: 'button', className: 'od-link-button', onclick: () => fill(username) }, username),
    ]),
    '.',
  );
}
