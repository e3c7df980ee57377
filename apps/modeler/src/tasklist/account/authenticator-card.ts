import { renderSVG } from 'uqr';
import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import type { AccountApi } from './account-api.js';

/**
 * The authenticator app (second factor): set it up — the secret to type or the otpauth link to
 * open, confirmed with a first code — or turn it off with a code. From then on sign-in asks
 * for a code after the password.
 */
export function createAuthenticatorCard(ctx: TasklistContext, api: AccountApi, enabled: boolean, reload: () => void): HTMLElement {
  const t = i18n.t;
  const card = h('section', { className: 'od-card', 'data-card': 'authenticator', 'data-enabled': String(enabled) });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const heading = h('h2', {}, t('Authenticator app (two-step sign-in)'));

  const codeForm = (action: string, label: string, send: (code: string) => Promise<void>, done: string) => {
    const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true });
    const problem = h('p', { className: 'od-field-error', 'data-error-for': 'code' });
    const submit = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': action }, label);
    const form = h('form', { className: 'od-account-form' }, h('label', {}, t('Code from the app'), code, problem), h('div', { className: 'od-form-actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      problem.textContent = '';
      error.textContent = '';
      submit.disabled = true;
      try {
        await send(code.value.trim());
        ctx.flash(done, 'success');
        reload();
      } catch (failure) {
        submit.disabled = false;
        if (failure instanceof ApiError && failure.fieldProblem('code')) problem.textContent = t('The code is wrong or was already used.');
        else if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
      }
    });
    return form;
  };

  if (enabled) {
    const turnOff = h('button', { type: 'button', className: 'od-button', 'data-action': 'turn-off-authenticator' }, t('Turn off'));
    turnOff.addEventListener('click', () => {
      turnOff.replaceWith(codeForm('confirm-turn-off', t('Turn off'), (code) => api.turnOffAuthenticator(code), t('The authenticator app is off: sign-in asks for your password only.')));
    });
    card.append(heading, h('p', { 'data-field': 'state' }, t('On: sign-in asks for a code from your authenticator app after the password.')), error, turnOff);
    return card;
  }

  const setUp = h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'set-up-authenticator' }, t('Set up'));
  setUp.addEventListener('click', async () => {
    setUp.disabled = true;
    error.textContent = '';
    try {
      const { secret, otpauthUri } = await api.setUpAuthenticator();
      setUp.replaceWith(
        h(
          'div',
          { className: 'od-authenticator-setup' },
          h('p', {}, t('Scan this code with your authenticator app (Google Authenticator, Microsoft Authenticator…):')),
          // The QR code is drawn here, in the browser: the secret never goes to a third-party service.
          h('img', { className: 'od-totp-qr', 'data-field': 'qr', alt: t('QR code for the authenticator app'), width: 180, height: 180, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(otpauthUri, { pixelSize: 6 }))}` }),
          h('p', {}, t('Or add an account in the app with this key, or open the link on your phone:')),
          h('p', {}, h('code', { className: 'od-totp-secret', 'data-field': 'secret', 'data-secret': secret }, secret.replace(/(.{4})/g, '$1 ').trim())),
          h('p', {}, h('a', { href: otpauthUri, 'data-field': 'otpauth' }, t('Open in the authenticator app'))),
          h('p', {}, t('Then enter the code the app shows to confirm.')),
          codeForm('confirm-authenticator', t('Confirm'), (code) => api.confirmAuthenticator(code), t('The authenticator app is on: sign-in will ask for its code.')),
        ),
      );
    } catch (failure) {
      setUp.disabled = false;
      if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    }
  });
  card.append(heading, h('p', { 'data-field': 'state' }, t('Off: sign-in asks for your password only. A code from an app on your phone keeps your account safe even if the password leaks.')), error, setUp);
  return card;
}
