import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';

/** The instance's variables, as the gateways will read them. */
export function createVariablesTable(variables: Record<string, unknown>): HTMLElement {
  const t = i18n.t;
  const names = Object.keys(variables).sort();
  return h(
    'section',
    { className: 'od-card od-variables' },
    h('h2', {}, t('Process variables')),
    names.length
      ? h(
          'table',
          { className: 'od-table' },
          h('thead', {}, h('tr', {}, h('th', {}, t('Name')), h('th', {}, t('Value')))),
          h(
            'tbody',
            {},
            names.map((name) => h('tr', { 'data-variable': name }, h('td', { className: 'od-mono' }, name), h('td', {}, show(variables[name])))),
          ),
        )
      : h('p', { className: 'od-muted' }, t('No variables.')),
  );
}

function show(value: unknown): string {
  const t = i18n.t;
  if (value === true) return t('yes');
  if (value === false) return t('no');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
