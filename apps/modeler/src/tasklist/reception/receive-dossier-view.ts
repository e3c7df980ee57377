import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { ReceivableProcedure, ReceivedDossier } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { formatAppointment } from '../../shared/date-time.js';
import { CHANNELS, channelText } from '../format/dossier-status.js';
import { printHref, routeHash } from '../shell/router.js';
import { createDossierFilesCard } from '../dossier/dossier-files-card.js';
import type { TasklistContext } from '../shell/tasklist-context.js';

/**
 * "Tiếp nhận hồ sơ" at the one-stop desk: the desk's own procedures only (issue #18), the
 * applicant, and the dossier's documents checked off against the procedure's list; then the
 * dossier code and the appointment to write on the receipt (form 01).
 */
export async function renderReceiveView(ctx: TasklistContext, container: HTMLElement): Promise<void> {
  const t = i18n.t;
  const procedure = h('select', { name: 'procedureKey', required: true }, h('option', { value: '' }, t('Loading…')));
  const field = (name: string, label: string, attributes: Record<string, string | boolean> = {}) => {
    const input = h('input', { name, ...attributes });
    return { input, label: h('label', {}, label, input) };
  };
  const name = field('name', t('Applicant (person or organisation)'), { required: true, maxlength: '200', autocomplete: 'off' });
  const idNumber = field('idNumber', t('ID number (CCCD) or tax code'), { pattern: '[0-9A-Za-z]{6,20}', autocomplete: 'off' });
  const phone = field('phone', t('Phone'), { type: 'tel', pattern: '\\+?[0-9 .\\-]{8,20}' });
  const email = field('email', t('Email'), { type: 'email' });
  const channel = h('select', { name: 'channel' }, CHANNELS.map((c) => h('option', { value: c }, channelText(c))));
  // Consent: the applicant is told of the dossier's progress only on the channels they agree to.
  const consent = (value: 'email' | 'sms' | 'zalo', label: string) =>
    h('label', { className: 'od-check' }, h('input', { type: 'checkbox', name: 'notify', value }), h('span', {}, label));
  const notify = h(
    'fieldset',
    { className: 'od-consent', 'data-testid': 'notify' },
    h('legend', {}, t('The applicant agrees to be told of the dossier’s progress by')),
    consent('sms', t('SMS')),
    consent('zalo', t('Zalo')),
    consent('email', t('Email')),
  );
  const checklist = h('fieldset', { className: 'od-checklist', hidden: true, 'data-testid': 'components' });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const result = h('div', { className: 'od-receipt', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-receive' }, t('Receive the dossier'));
  let procedures: ReceivableProcedure[] = [];

  const form = h(
    'form',
    { className: 'od-card od-receive-form', 'data-form': 'receive' },
    h('h1', {}, t('Receive a dossier')),
    h('label', {}, t('Procedure'), procedure),
    h('div', { className: 'od-form-grid' }, name.label, idNumber.label, phone.label, email.label, h('label', {}, t('Channel'), channel)),
    notify,
    checklist,
    error,
    h('div', { className: 'od-form-actions' }, h('a', { className: 'od-button', href: '#/inbox/mine' }, t('Cancel')), submit),
  );
  container.replaceChildren(h('div', { className: 'od-receive-view' }, form, result));

  const renderChecklist = () => {
    const chosen = procedures.find((p) => p.key === procedure.value);
    checklist.hidden = !chosen?.components.length;
    checklist.replaceChildren(
      h('legend', {}, t('Documents handed in')),
      h('p', { className: 'od-muted' }, t('Tick what the applicant handed in. A dossier missing a required document is not received: ask for it or refuse.')),
      ...(chosen?.components ?? []).map((c) =>
        h(
          'label',
          { className: 'od-check', 'data-component': c.id },
          h('input', { type: 'checkbox', name: 'components', value: c.id, 'data-required': c.required ? 'true' : 'false' }),
          h('span', {}, c.name, c.copies ? h('span', { className: 'od-muted' }, ` (${c.copies})`) : null, c.required ? h('span', { className: 'od-required', title: t('Required') }, ' *') : null),
        ),
      ),
    );
  };
  procedure.addEventListener('change', renderChecklist);

  try {
    procedures = await ctx.api.receivableProcedures();
    procedure.replaceChildren(
      h('option', { value: '' }, procedures.length ? t('— choose a procedure —') : t('Your desk receives no procedure.')),
      ...procedures.map((p) => h('option', { value: p.key }, `${p.procedureCode} — ${p.name ?? p.key}`)),
    );
  } catch (failure) {
    if (ctx.handleCommonError(failure)) return;
    error.textContent = describeApiError(failure);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = procedures.find((p) => p.key === procedure.value);
    const ticked = [...checklist.querySelectorAll<HTMLInputElement>('input[name="components"]:checked')].map((i) => i.value);
    const missing = (chosen?.components ?? []).filter((c) => c.required && !ticked.includes(c.id));
    if (missing.length) {
      error.textContent = t('Missing required documents: {names}. Ask the applicant for them, or refuse the dossier.', { names: missing.map((c) => c.name).join('; ') });
      return;
    }
    submit.disabled = true;
    try {
      const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
      const received = await ctx.api.receiveDossier({
        procedureKey: procedure.value,
        applicant: {
          name: name.input.value.trim(),
          idNumber: optional(idNumber.input),
          phone: optional(phone.input),
          email: optional(email.input),
          notify: [...notify.querySelectorAll<HTMLInputElement>('input[name="notify"]:checked')].map((i) => i.value as 'email' | 'sms' | 'zalo'),
        },
        channel: channel.value,
        ...(chosen?.components.length ? { components: ticked } : {}),
      });
      // The desk scans what was handed in (or reuses the applicant's earlier papers) right away.
      result.replaceChildren(receipt(ctx, received, procedure.selectedOptions[0]?.textContent ?? ''), createDossierFilesCard(ctx, received.code, { finished: false }));
      form.reset();
      renderChecklist();
    } catch (failure) {
      if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    } finally {
      submit.disabled = false;
    }
  });
}

function receipt(ctx: TasklistContext, received: ReceivedDossier, procedureName: string): HTMLElement {
  const t = i18n.t;
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const openTask = h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'open-first-step' }, t('Process the first step'));
  openTask.addEventListener('click', async () => {
    try {
      const [first] = await ctx.api.tasksOfInstance(received.processInstanceId);
      if (first) ctx.navigate({ view: 'task', taskId: first.id });
      else error.textContent = t('The first step is not in your list (it belongs to another department).');
    } catch (failure) {
      if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    }
  });
  return h(
    'section',
    { className: 'od-card od-receipt-card', 'data-dossier-code': received.code },
    h('h2', {}, t('Dossier received')),
    h(
      'dl',
      { className: 'od-facts' },
      h('dt', {}, t('Dossier code')),
      h('dd', { className: 'od-mono od-big', 'data-field': 'code' }, h('a', { href: routeHash({ view: 'dossier', code: received.code }) }, received.code)),
      h('dt', {}, t('Procedure')),
      h('dd', {}, procedureName),
      h('dt', {}, t('Appointment to return the result')),
      h('dd', { className: 'od-big', 'data-field': 'appointment' }, received.dueAt ? formatAppointment(received.dueAt) : t('No statutory time')),
    ),
    error,
    h(
      'div',
      { className: 'od-form-actions' },
      h('a', { className: 'od-button', href: printHref(received.code, '01'), target: '_blank', rel: 'noopener', 'data-form': '01' }, t('Print the receipt (form 01)')),
      openTask,
    ),
  );
}
