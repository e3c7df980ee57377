import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { formatAppointment } from '../shared/date-time.js';
import { describeApiError } from '../tasklist/format/api-message.js';
import { vietnamLocalToInstant } from './local-date.js';

/**
 * "Received now, 10 working days: when is it due?" — the engine's own working-time addition,
 * so staff can check an appointment date without a test dossier. No 15:00 cut-off here (docs/api.md).
 */
export function createAddCalculator(addWorkingDays: (from: Date, days: number) => Promise<Date>, defaultFrom: string): HTMLElement {
  const t = i18n.t;
  const from = h('input', { type: 'datetime-local', name: 'from', required: true, value: defaultFrom });
  const days = h('input', { name: 'days', required: true, inputmode: 'decimal', value: '1', size: 6 });
  const result = h('output', { className: 'od-cal-result', 'data-testid': 'add-result' });
  const form = h(
    'form',
    { className: 'od-card od-cal-calculator', 'data-form': 'add-working-days' },
    h('h2', {}, t('Add working days')),
    h('label', {}, t('From (Vietnam time)'), from),
    h('label', {}, t('Working days (0.5 = 4 working hours)'), days),
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button', 'data-action': 'calculate' }, t('Calculate'))),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const amount = Number(days.value.trim().replace(',', '.'));
    if (!Number.isFinite(amount) || amount < 0) return void (result.textContent = t('Enter a number of days, e.g. 0.5 or 10.'));
    try {
      const due = await addWorkingDays(vietnamLocalToInstant(from.value), amount);
      result.textContent = t('Due: {date}', { date: formatAppointment(due) });
      result.dataset.dueAt = due.toISOString();
    } catch (error) {
      result.textContent = describeApiError(error);
    }
  });
  return form;
}
