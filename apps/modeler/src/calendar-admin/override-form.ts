import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { DayKind } from './calendar-api.js';

export interface OverrideFormHandle {
  element: HTMLFormElement;
  /** Puts a date picked on the grid into the form. */
  pick(date: string): void;
  showError(message: string): void;
}

/**
 * An administrator's yearly change: a day off the government announces, or a Saturday worked
 * to make up for a bridge day. Holidays by law come from the engine and are not typed here.
 */
export function createOverrideForm(year: number, submit: (override: { date: string; kind: DayKind; name: string }) => Promise<void>): OverrideFormHandle {
  const t = i18n.t;
  const date = h('input', { type: 'date', name: 'date', required: true, min: `${year}-01-01`, max: `${year}-12-31` });
  const kind = h('select', { name: 'kind' }, h('option', { value: 'working_day' }, t('Make-up working day')), h('option', { value: 'day_off' }, t('Day off')));
  const name = h('input', { name: 'name', required: true, maxlength: 200, placeholder: t('e.g. Make-up for 2 January') });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const button = h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'add-override' }, t('Add'));
  const form = h(
    'form',
    { className: 'od-card od-cal-form', 'data-form': 'override' },
    h('h2', {}, t('Add a day for {year}', { year })),
    h('p', { className: 'od-muted' }, t('Click a day on the calendar to pick it.')),
    h('label', {}, t('Date'), date),
    h('label', {}, t('Kind'), kind),
    h('label', {}, t('Name'), name),
    error,
    h('div', { className: 'od-form-actions' }, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      await submit({ date: date.value, kind: kind.value as DayKind, name: name.value.trim() });
    } finally {
      button.disabled = false;
    }
  });
  return {
    element: form,
    pick: (value) => {
      date.value = value;
      name.focus();
    },
    showError: (message) => (error.textContent = message),
  };
}
