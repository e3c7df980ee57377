import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import type { SessionUser } from './auth-session.js';
import { h } from './dom.js';
import { i18n } from './i18n.js';
import { singleSignOnHref, singleSignOnOffer } from './single-sign-on.js';

export interface LoginFormOptions {
  api: ApiClient;
  onSuccess(user: SessionUser): void;
  onCancel?(): void;
}

/**
 * The sign-in form of every page: username and password, then — for an account with an
 * authenticator — the 6-digit code; a hold-back after failed attempts counts down its wait; when
 * the engine offers single sign-on, a button leads to the agency's identity provider.
 */
export function createLoginForm({ api, onSuccess, onCancel }: LoginFormOptions): HTMLFormElement {
  const t = i18n.t;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, disabled: true });
  const passwordStep = h('div', { className: 'od-login-step', 'data-step': 'password' }, h('label', {}, t('Username'), username), h('label', {}, t('Password'), password));
  const codeStep = h(
    'div',
    { className: 'od-login-step', 'data-step': 'code', hidden: true },
    h('p', { className: 'od-login-hint' }, t('Enter the 6-digit code your authenticator app shows.')),
    h('label', {}, t('Authenticator code'), code),
  );
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'od-button od-button-primary' }, t('Log in'));
  const restart = h('button', { type: 'button', className: 'od-button', 'data-action': 'restart-login', hidden: true, onclick: () => showPasswordStep() }, t('Start again'));
  const singleSignOn = h('div', { className: 'od-login-sso', hidden: true });
  let mfaToken: string | undefined;
  let holdBack: ReturnType<typeof setInterval> | undefined;

  const form = h(
    'form',
    { className: 'od-login-form' },
    passwordStep,
    codeStep,
    error,
    h(
      'div',
      { className: 'od-form-actions' },
      submit,
      restart,
      onCancel && h('button', { type: 'button', className: 'od-button', onclick: () => onCancel() }, t('Cancel')),
    ),
    singleSignOn,
  );

  const showPasswordStep = () => {
    mfaToken = undefined;
    passwordStep.hidden = false;
    codeStep.hidden = true;
    code.disabled = true;
    code.required = false;
    restart.hidden = true;
    submit.textContent = t('Log in');
    error.textContent = '';
    password.value = '';
    password.focus();
  };
  const showCodeStep = (token: string) => {
    mfaToken = token;
    passwordStep.hidden = true;
    codeStep.hidden = false;
    code.disabled = false;
    code.required = true;
    code.value = '';
    restart.hidden = false;
    submit.textContent = t('Confirm');
    code.focus();
  };
  /** The engine asks this device to wait: the button stays off and the message counts down. */
  const waitFor = (seconds: number) => {
    clearInterval(holdBack);
    let left = seconds;
    const show = () => (error.textContent = t('Too many failed sign-ins from this device. Try again in {seconds} seconds.', { seconds: left }));
    submit.disabled = true;
    form.dataset.holdBack = String(seconds);
    show();
    holdBack = setInterval(() => {
      left -= 1;
      if (left > 0) return void show();
      clearInterval(holdBack);
      delete form.dataset.holdBack;
      error.textContent = '';
      submit.disabled = false;
    }, 1000);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.holdBack) return;
    error.textContent = '';
    submit.disabled = true;
    try {
      if (mfaToken) return onSuccess((await api.secondFactor(mfaToken, code.value.trim())).user);
      const answer = await api.login(username.value.trim(), password.value);
      if ('mfaRequired' in answer) showCodeStep(answer.mfaToken);
      else onSuccess(answer.user);
    } catch (failure) {
      if (failure instanceof ApiError && failure.retryAfterSeconds) return waitFor(failure.retryAfterSeconds);
      if (mfaToken && failure instanceof ApiError && failure.status === 401) {
        showPasswordStep();
        error.textContent = t('The sign-in has expired; start again.');
        return;
      }
      error.textContent =
        failure instanceof ApiError && failure.status === 401
          ? t('Wrong username or password.')
          : mfaToken && failure instanceof ApiError && failure.fieldProblem('code')
            ? t('The code is wrong or was already used.')
            : failure instanceof ApiError && failure.isOffline
              ? t('Cannot reach the server.')
              : String((failure as Error).message);
    } finally {
      if (!form.dataset.holdBack) submit.disabled = false;
    }
  });

  void singleSignOnOffer(api).then((offer) => {
    if (!offer.enabled) return;
    const label = i18n.language === 'vi' && offer.label ? offer.label : t('Sign in with your agency account');
    singleSignOn.hidden = false;
    singleSignOn.replaceChildren(
      h('span', { className: 'od-login-or' }, t('or')),
      h('button', { type: 'button', className: 'od-button', 'data-action': 'single-sign-on', onclick: () => location.assign(singleSignOnHref()) }, label),
    );
  });
  return form;
}
