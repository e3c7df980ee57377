import type { DefinitionSummary, InstancePage } from '@onedoor/contract';
import { formatDateTime } from '../shared/date-time.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { errorText, table, type ViewContext } from './view-context.js';

/**
 * "Where is dossier X?": instances found by dossier code, procedure, state, lateness or
 * incident, each with its current steps; a click opens the instance.
 */
export async function renderInstanceSearch(ctx: ViewContext, params: URLSearchParams): Promise<void> {
  const t = i18n.t;
  const [definitions, departments] = await Promise.all([
    ctx.api.get<DefinitionSummary[]>('/api/process-definitions'),
    ctx.api.get<{ code: string; name: string }[]>('/api/departments'),
  ]);
  const keys = [...new Map(definitions.map((d) => [d.key, d.name ?? d.key])).entries()];
  const code = h('input', { type: 'search', name: 'businessKey', placeholder: t('Dossier code'), value: params.get('businessKey') ?? '', 'data-testid': 'search-code' });
  const procedure = h('select', { name: 'definitionKey', 'data-testid': 'search-procedure' }, h('option', { value: '' }, t('All procedures')), ...keys.map(([key, name]) => h('option', { value: key }, name)));
  (procedure as HTMLSelectElement).value = params.get('definitionKey') ?? '';
  const state = h('select', { name: 'state' }, h('option', { value: '' }, t('Any state')), h('option', { value: 'active' }, t('Running')), h('option', { value: 'completed' }, t('Completed')), h('option', { value: 'terminated' }, t('Cancelled')));
  (state as HTMLSelectElement).value = params.get('state') ?? 'active';
  const department = h('select', { name: 'departmentCode', 'data-testid': 'search-department' }, h('option', { value: '' }, t('All departments')), ...departments.map((d) => h('option', { value: d.code }, d.name)));
  (department as HTMLSelectElement).value = params.get('departmentCode') ?? '';
  const overdue = h('input', { type: 'checkbox', name: 'overdue', checked: params.get('overdue') === 'true' });
  const incident = h('input', { type: 'checkbox', name: 'withIncident', checked: params.get('withIncident') === 'true' });
  const results = h('div', { className: 'od-ops-results', 'data-testid': 'search-results' });
  const form = h(
    'form',
    {
      className: 'od-ops-filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        if ((code as HTMLInputElement).value.trim()) query.set('businessKey', (code as HTMLInputElement).value.trim());
        if ((procedure as HTMLSelectElement).value) query.set('definitionKey', (procedure as HTMLSelectElement).value);
        if ((state as HTMLSelectElement).value) query.set('state', (state as HTMLSelectElement).value);
        if ((department as HTMLSelectElement).value) query.set('departmentCode', (department as HTMLSelectElement).value);
        if ((overdue as HTMLInputElement).checked) query.set('overdue', 'true');
        if ((incident as HTMLInputElement).checked) query.set('withIncident', 'true');
        location.hash = `#search?${query}`;
      },
    },
    h('label', {}, t('Dossier code'), code),
    h('label', {}, t('Procedure'), procedure),
    h('label', {}, t('State'), state),
    h('label', {}, t('Department of the current step'), department),
    h('label', { className: 'od-ops-check' }, overdue, t('Overdue')),
    h('label', { className: 'od-ops-check' }, incident, t('With incident')),
    h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-testid': 'search-submit' }, t('Search')),
  );
  const procedureLinks = h(
    'p',
    { className: 'od-ops-procedures' },
    t('Where dossiers pile up:'),
    ' ',
    ...keys.flatMap(([key, name]) => [h('a', { href: `#procedure?key=${encodeURIComponent(key)}`, 'data-testid': 'procedure-link', 'data-key': key }, name), ' · ']),
  );
  ctx.main.replaceChildren(h('h2', {}, t('Find a dossier')), form, procedureLinks, results);
  const query = new URLSearchParams(params);
  if (!query.has('state')) query.set('state', 'active');
  query.set('size', '100');
  try {
    const page = await ctx.api.get<InstancePage>(`/api/process-instances?${query}`);
    results.replaceChildren(
      h('p', { className: 'od-muted' }, t('{n} found', { n: page.total })),
      table(
        [t('Dossier'), t('Procedure'), t('Version'), t('Current step'), t('Due'), t('State')],
        page.items.map((item) => [
          h('a', { href: `#instance/${item.id}`, 'data-testid': 'instance-link', 'data-business-key': item.businessKey ?? '' }, item.businessKey ?? item.id.slice(0, 8)),
          item.procedureName ?? item.definitionKey,
          String(item.version),
          item.steps.map((s) => s.name ?? s.activityId).join(', '),
          h('span', { className: item.overdue ? 'od-ops-late' : '' }, formatDateTime(item.dueAt)),
          [stateLabel(item.state, item.suspended), item.incidents ? ` · ${t('{n} incidents', { n: item.incidents })}` : ''].join(''),
        ]),
      ),
    );
  } catch (error) {
    ctx.say(errorText(error), 'error');
  }
}

export function stateLabel(state: string, suspended: boolean): string {
  const t = i18n.t;
  if (suspended && state === 'active') return t('Suspended');
  return ({ active: t('Running'), completed: t('Completed'), terminated: t('Cancelled') } as Record<string, string>)[state] ?? state;
}
