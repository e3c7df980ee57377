import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier } from '@onedoor/contract';
import { hasRole, type TasklistContext } from '../shell/tasklist-context.js';
import type { ActionRunner } from '../task/actions/action-runner.js';

type Ending = 'refuse' | 'stop' | 'withdraw';

const ENDINGS: Record<Ending, { label: string; title: string; hint: string; success: string; form?: string; roles: string[] }> = {
  refuse: {
    label: 'Refuse (form 03)',
    title: 'Refuse the dossier (form 03)',
    hint: 'The dossier is not acceptable: the refusal notice states the reason.',
    success: 'The dossier was refused; print the refusal notice (form 03).',
    form: '03',
    roles: ['reception', 'leader', 'admin'],
  },
  stop: {
    label: 'Stop processing (form 05)',
    title: 'Stop processing the dossier (form 05)',
    hint: 'The agency’s leader decides; the notice states the reason.',
    success: 'Processing stopped; print the notice (form 05).',
    form: '05',
    roles: ['leader', 'admin'],
  },
  withdraw: {
    label: 'Withdraw',
    title: 'The applicant withdraws the dossier',
    hint: 'Recorded at the applicant’s request; every open step ends.',
    success: 'The withdrawal was recorded.',
    roles: ['reception', 'leader', 'admin'],
  },
};

/**
 * What can be done to a dossier in its state (issue #18): the apology with a new appointment
 * (form 04) while it is open, refuse (03), stop (05), withdraw, and recording a supplement the
 * applicant brought. Only what applies to the state and the user's roles is offered; the
 * engine checks again.
 */
export function createDossierActions(ctx: TasklistContext, dossier: Dossier, run: ActionRunner, openAction?: string): HTMLElement | null {
  const t = i18n.t;
  const open = !dossier.finishedAt;
  const panel = h('div', { className: 'od-action-panel' });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const bar = h('div', { className: 'od-action-bar', role: 'toolbar', 'aria-label': t('Actions') });
  const show = (name: string, build: () => HTMLElement) => {
    const already = panel.firstElementChild?.getAttribute('data-form') === name;
    bar.querySelectorAll('[aria-expanded]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    if (already) return void panel.replaceChildren();
    bar.querySelector(`[data-action="${name}"]`)?.setAttribute('aria-expanded', 'true');
    const built = build();
    panel.replaceChildren(built);
    built.querySelector<HTMLElement>('textarea, input')?.focus();
  };
  const toggle = (action: string, label: string, build: () => HTMLElement) =>
    h('button', { type: 'button', className: 'od-button', 'data-action': action, 'aria-expanded': 'false', onclick: () => show(action, build) }, label);

  if (dossier.waitingSince && hasRole(ctx.user, 'reception', 'officer', 'leader', 'admin')) {
    const button = h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'supplement-received' }, t('Supplement received'));
    button.addEventListener('click', () => void run(bar, error, () => ctx.api.supplementReceived(dossier.code), { success: t('Supplement recorded; the dossier is processed again.'), then: 'reload' }));
    bar.append(button);
  }
  if (open && hasRole(ctx.user, 'leader', 'reception', 'admin')) bar.append(toggle('apology', t('Apology and new appointment (form 04)'), () => apologyForm(ctx, dossier, run)));
  for (const ending of Object.keys(ENDINGS) as Ending[]) {
    const spec = ENDINGS[ending];
    if (open && hasRole(ctx.user, ...spec.roles)) bar.append(toggle(ending, t(spec.label), () => endingForm(ctx, dossier, run, ending)));
  }
  if (!bar.childElementCount) return null;
  // A notification that asks for an action (the apology letter) opens straight on its form.
  if (openAction) bar.querySelector<HTMLButtonElement>(`[data-action="${CSS.escape(openAction)}"][aria-expanded]`)?.click();
  return h('section', { className: 'od-task-actions od-dossier-actions' }, bar, error, panel);
}

function apologyForm(ctx: TasklistContext, dossier: Dossier, run: ActionRunner): HTMLElement {
  const t = i18n.t;
  const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 2000, required: true, placeholder: t('Why the dossier will be late') });
  const date = h('input', { name: 'newDueDate', type: 'date', required: true, min: localDay(new Date(Date.now() + 86_400_000)) });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': 'apology' },
    h('h3', {}, t('Apology and new appointment (form 04)')),
    h('p', { className: 'od-muted' }, t('Issued before the appointment passes; the applicant is given a new date. The legal due date stays for the reports.')),
    h('label', {}, t('Reason for the delay'), reason),
    h('label', {}, t('New appointment date (a working day; at 17:00)'), date),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-apology' }, t('Record the apology'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.value.trim()) return void (error.textContent = t('Write the reason.'));
    if (!date.value) return void (error.textContent = t('Choose the new appointment date.'));
    // The end of the working day in Vietnam: the applicant comes back that day.
    const newDueAt = `${date.value}T17:00:00+07:00`;
    void run(form, error, () => ctx.api.apology(dossier.code, reason.value.trim(), newDueAt), {
      success: t('Apology recorded; print the letter (form 04) for the applicant.'),
      then: 'reload',
    });
  });
  return form;
}

function endingForm(ctx: TasklistContext, dossier: Dossier, run: ActionRunner, ending: Ending): HTMLElement {
  const t = i18n.t;
  const spec = ENDINGS[ending];
  const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 2000, required: true });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': ending },
    h('h3', {}, t(spec.title)),
    h('p', { className: 'od-muted' }, t(spec.hint), ' ', t('This ends the dossier and cannot be undone.')),
    h('label', {}, t('Reason'), reason),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': `confirm-${ending}` }, t(spec.label))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.value.trim()) return void (error.textContent = t('Write the reason.'));
    void run(form, error, () => ctx.api.endDossier(dossier.code, ending, reason.value.trim()), { success: t(spec.success), then: 'reload' });
  });
  return form;
}

/** YYYY-MM-DD of an instant in Vietnam. */
function localDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
