import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { FormValue, TaskFormField } from '@onedoor/contract';

/** A rendered field: its element, and how to read (and check) what the officer entered. */
export interface FieldInput {
  field: TaskFormField;
  element: HTMLElement;
  /** The typed value, `undefined` when left empty, or an error message (already translated). */
  read(): { value: FormValue | undefined } | { error: string };
  showError(message: string | null): void;
}

/**
 * One input per field type, labelled in the designer's words (the BPMN carries Vietnamese
 * labels), with the required mark and the value the instance already holds.
 */
export function createFieldInput(field: TaskFormField, idPrefix: string): FieldInput {
  const t = i18n.t;
  const id = `${idPrefix}-${field.id}`;
  const control = controlFor(field, id);
  const error = h('p', { className: 'od-field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const hint = field.type === 'officer' && field.assignsStep?.name ? t('Will handle “{step}”', { step: field.assignsStep.name }) : field.description;
  const element = h(
    'div',
    { className: `od-field od-field-${field.type}`, 'data-field': field.variable },
    h('label', { for: id }, field.label, field.required ? h('span', { className: 'od-required', title: t('Required') }, ' *') : null),
    control,
    hint ? h('p', { className: 'od-field-hint' }, hint) : null,
    error,
  );
  const showError = (message: string | null) => {
    error.hidden = !message;
    error.textContent = message ?? '';
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message) control.setAttribute('aria-describedby', error.id);
  };
  return {
    field,
    element,
    showError,
    read: () => {
      const raw = (control as HTMLInputElement).value.trim();
      if (!raw) return field.required ? { error: t(field.type === 'officer' || field.type === 'select' || field.type === 'boolean' ? 'Choose “{label}”.' : 'Fill in “{label}”.', { label: field.label }) } : { value: undefined };
      switch (field.type) {
        case 'number': {
          const value = Number(raw.replace(/\s/g, '').replace(',', '.'));
          return Number.isFinite(value) ? { value } : { error: t('“{label}” needs a number.', { label: field.label }) };
        }
        case 'boolean':
          return { value: raw === 'true' };
        case 'select':
        case 'officer': {
          const option = field.options?.find((o) => String(o.value) === raw);
          return option ? { value: option.value } : { error: t('Choose “{label}”.', { label: field.label }) };
        }
        default:
          return { value: raw };
      }
    },
  };
}

function controlFor(field: TaskFormField, id: string): HTMLElement {
  const t = i18n.t;
  const current = field.value === undefined || field.value === null ? '' : String(field.value);
  const common = { id, name: field.variable, 'aria-required': field.required ? 'true' : undefined };
  switch (field.type) {
    case 'textarea':
      return h('textarea', { ...common, rows: 3, maxlength: 4000 }, current);
    case 'number':
      return h('input', { ...common, inputmode: 'decimal', autocomplete: 'off', value: current.replace('.', i18n.language === 'vi' ? ',' : '.') });
    case 'date':
      return h('input', { ...common, type: 'date', value: /^\d{4}-\d{2}-\d{2}/.test(current) ? current.slice(0, 10) : '' });
    case 'boolean':
      return h('select', common, h('option', { value: '' }, t('— choose —')), h('option', { value: 'true', selected: current === 'true' }, t('Yes')), h('option', { value: 'false', selected: current === 'false' }, t('No')));
    case 'select':
    case 'officer':
      return h(
        'select',
        common,
        h('option', { value: '' }, emptyOption(field)),
        (field.options ?? []).map((o) => h('option', { value: String(o.value), selected: String(o.value) === current }, o.label)),
      );
    default:
      return h('input', { ...common, autocomplete: 'off', maxlength: 4000, value: current });
  }
}

/** What choosing nothing means: an optional pick leaves the step to the department's list. */
function emptyOption(field: TaskFormField): string {
  const t = i18n.t;
  if (field.type !== 'officer') return t('— choose —');
  if (!field.options?.length) return t('Nobody can be picked');
  return field.required ? t('— choose —') : t('— leave it in the department’s list —');
}
