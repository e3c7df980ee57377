import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { ProcessDefinition, ReceivedDossier } from '../api/tasklist-types.js';
import { describeApiError } from '../format/api-message.js';
import { formatAppointment } from '../format/date-time.js';
import { CHANNELS, channelText } from '../format/dossier-status.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import { createDocumentLink } from './document-link.js';

/**
 * "Tiếp nhận hồ sơ" at the one-stop desk: pick the procedure, type the applicant, get the
 * dossier code and the appointment date to write on the receipt (form 01).
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
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const result = h('div', { className: 'od-receipt', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-receive' }, t('Receive the dossier'));

  const form = h(
    'form',
    { className: 'od-card od-receive-form', 'data-form': 'receive' },
    h('h1', {}, t('Receive a dossier')),
    h('label', {}, t('Procedure'), procedure),
    h('div', { className: 'od-form-grid' }, name.label, idNumber.label, phone.label, email.label, h('label', {}, t('Channel'), channel)),
    error,
    h('div', { className: 'od-form-actions' }, h('a', { className: 'od-button', href: '#/inbox/mine' }, t('Cancel')), submit),
  );
  container.replaceChildren(h('div', { className: 'od-receive-view' }, form, result));

  try {
    const definitions = (await ctx.api.definitions(true)).filter((d) => d.procedureCode);
    procedure.replaceChildren(h('option', { value: '' }, t('— choose a procedure —')), ...definitions.map(procedureOption));
  } catch (failure) {
    if (ctx.handleCommonError(failure)) return;
    error.textContent = describeApiError(failure);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
      const received = await ctx.api.receiveDossier({
        procedureKey: procedure.value,
        applicant: { name: name.input.value.trim(), idNumber: optional(idNumber.input), phone: optional(phone.input), email: optional(email.input) },
        channel: channel.value,
      });
      result.replaceChildren(receipt(ctx, received, procedure.selectedOptions[0]?.textContent ?? ''));
      form.reset();
    } catch (failure) {
      if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
    } finally {
      submit.disabled = false;
    }
  });
}

function procedureOption(definition: ProcessDefinition): HTMLOptionElement {
  return h('option', { value: definition.key }, `${definition.procedureCode} — ${definition.name ?? definition.key}`);
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
      h('dd', { className: 'od-mono od-big', 'data-field': 'code' }, received.code),
      h('dt', {}, t('Procedure')),
      h('dd', {}, procedureName),
      h('dt', {}, t('Appointment to return the result')),
      h('dd', { className: 'od-big', 'data-field': 'appointment' }, received.dueAt ? formatAppointment(received.dueAt) : t('No statutory time')),
    ),
    error,
    h(
      'div',
      { className: 'od-form-actions' },
      createDocumentLink((href) => ctx.api.documentHtml(href), `/api/documents/${encodeURIComponent(received.code)}/01`, t('Print the receipt (form 01)'), (message) => (error.textContent = message)),
      openTask,
    ),
  );
}
