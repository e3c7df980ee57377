import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { parseVariableRows, type VariableRow, type VariableType } from './actions/variable-rows.js';

const TYPES: { value: VariableType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'boolean', label: 'Yes/no' },
  { value: 'number', label: 'Number' },
];

/**
 * The raw variable editor, for administrators only (support, repairs): officers work through
 * the step's form and never see a variable name. Folded away under "Advanced".
 */
export function createAdminVariables(): { element: HTMLElement; read(): { ok: true; variables: Record<string, unknown> } | { ok: false; message: string } } {
  const t = i18n.t;
  const rows = h('div', { className: 'od-variable-rows' });
  rows.append(variableRow());
  const element = h(
    'details',
    { className: 'od-admin-variables' },
    h('summary', {}, t('Advanced (administrator): set process variables')),
    rows,
    h('button', { type: 'button', className: 'od-button od-button-link', 'data-action': 'add-variable', onclick: () => rows.append(variableRow()) }, t('+ Add a variable')),
  );
  return {
    element,
    read: () => {
      const list = readRows(rows);
      const parsed = parseVariableRows(list);
      if (parsed.ok) return { ok: true, variables: parsed.variables };
      return { ok: false, message: parsed.problems.map((p) => t(p.message, { name: list[p.row].name })).join(' ') };
    },
  };
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
