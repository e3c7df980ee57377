import { h } from '../../../shared/dom.js';
import { i18n } from '../../../shared/i18n.js';
import type { GatewayChoice } from '../gateway-choices.js';
import type { ActionRunner } from './action-runner.js';
import { parseVariableRows, type VariableRow, type VariableType } from './variable-rows.js';

export interface CompleteFormOptions {
  run: ActionRunner;
  complete(variables: Record<string, unknown>): Promise<void>;
  /** Decisions the next gateway reads; resolves when the diagram is loaded (empty without one). */
  choices: Promise<GatewayChoice[]>;
  stepName: string;
}

const TYPES: { value: VariableType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'boolean', label: 'Yes/no' },
  { value: 'number', label: 'Number' },
];

/**
 * Finishing a step: optional variables as typed key/value rows, and when the next gateway
 * decides on a variable, one button per outcome ("Tiếp nhận" / "Từ chối") that completes with it.
 */
export function createCompleteForm({ run, complete, choices, stepName }: CompleteFormOptions): HTMLFormElement {
  const t = i18n.t;
  const rows = h('div', { className: 'od-variable-rows' });
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  const quick = h('div', { className: 'od-quick-choices', hidden: true });
  const form = h(
    'form',
    { className: 'od-action-form', 'data-form': 'complete' },
    h('h3', {}, t('Complete “{step}”', { step: stepName })),
    quick,
    h('p', { className: 'od-muted' }, t('Variables to pass on (optional):')),
    rows,
    h('button', { type: 'button', className: 'od-button od-button-link', 'data-action': 'add-variable', onclick: () => rows.append(variableRow()) }, t('+ Add a variable')),
    error,
    h('div', { className: 'od-form-actions' }, h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'confirm-complete' }, t('Complete the step'))),
  );
  rows.append(variableRow());

  const submit = (extra: Record<string, unknown>) => {
    const parsed = parseVariableRows(readRows(rows));
    if (!parsed.ok) {
      error.textContent = parsed.problems.map((p) => t(p.message, { name: readRows(rows)[p.row].name })).join(' ');
      return;
    }
    void run(form, error, () => complete({ ...parsed.variables, ...extra }), { success: t('Completed “{step}”.', { step: stepName }), then: 'leave' });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit({});
  });

  void choices.then((list) => {
    if (!list.length) return;
    quick.hidden = false;
    quick.replaceChildren(
      h('p', {}, t('Decision:')),
      ...list.map((choice) =>
        h(
          'button',
          {
            type: 'button',
            className: 'od-button od-choice',
            'data-variable': choice.variable,
            'data-value': String(choice.value),
            title: `${choice.variable} = ${JSON.stringify(choice.value)}`,
            onclick: () => submit({ [choice.variable]: choice.value }),
          },
          choice.label,
        ),
      ),
    );
  });
  return form;
}

function variableRow(): HTMLElement {
  const t = i18n.t;
  const value = h('span', { className: 'od-variable-value' });
  const type = h('select', { name: 'type', 'aria-label': t('Type') }, TYPES.map((option) => h('option', { value: option.value }, t(option.label))));
  const renderValue = () =>
    value.replaceChildren(
      type.value === 'boolean'
        ? h('select', { name: 'value', 'aria-label': t('Value') }, h('option', { value: 'true' }, t('yes')), h('option', { value: 'false' }, t('no')))
        : h('input', { name: 'value', 'aria-label': t('Value'), inputmode: type.value === 'number' ? 'decimal' : undefined, placeholder: t('Value') }),
    );
  type.addEventListener('change', renderValue);
  renderValue();
  const row = h(
    'div',
    { className: 'od-variable-row' },
    h('input', { name: 'name', 'aria-label': t('Variable name'), placeholder: t('Variable name'), autocomplete: 'off' }),
    type,
    value,
    h('button', { type: 'button', className: 'od-button od-button-link', title: t('Remove'), onclick: () => row.remove() }, '×'),
  );
  return row;
}

function readRows(container: HTMLElement): VariableRow[] {
  return [...container.querySelectorAll<HTMLElement>('.od-variable-row')].map((row) => ({
    name: row.querySelector<HTMLInputElement>('[name="name"]')!.value,
    type: row.querySelector<HTMLSelectElement>('[name="type"]')!.value as VariableType,
    value: row.querySelector<HTMLInputElement | HTMLSelectElement>('[name="value"]')!.value,
  }));
}
