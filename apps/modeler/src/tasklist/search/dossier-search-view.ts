import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import { dossierStatusText } from '../format/dossier-status.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import { createDossierTable } from './dossier-table.js';
import { apiQuery } from './search-dates.js';

const PAGE_SIZE = 50;
const STATUSES = [2, 4, 5, 7, 8, 9, 10, 3];

/**
 * "Tra cứu hồ sơ" (issue #18): find a dossier again by any key an officer has — one box for the
 * code, name, identity number or phone, or the detailed keys. The keys live in the URL, so a
 * search can be bookmarked and the back button returns to the same results.
 */
export async function renderDossierSearch(ctx: TasklistContext, container: HTMLElement, query: Record<string, string>): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  const input = (name: string, label: string, attributes: Record<string, string> = {}) => h('label', {}, label, h('input', { name, value: query[name] ?? '', autocomplete: 'off', ...attributes }));
  const procedure = h('select', { name: 'procedureKey' }, h('option', { value: '' }, t('All procedures')));
  const status = h(
    'select',
    { name: 'status' },
    h('option', { value: '' }, t('All statuses')),
    STATUSES.map((s) => h('option', { value: String(s), selected: query.status === String(s) }, dossierStatusText(s))),
  );
  const overdue = h('input', { type: 'checkbox', name: 'overdue', value: 'true', checked: query.overdue === 'true' });
  const form = h(
    'form',
    { className: 'od-card od-search-form', 'data-form': 'dossier-search', role: 'search' },
    h('h1', {}, t('Find dossiers')),
    h('div', { className: 'od-search-main' }, input('q', t('Code, applicant, ID number or phone'), { type: 'search', placeholder: t('e.g. SYT-261204, Nguyễn Văn A, 0801234567') }), h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'search' }, t('Search'))),
    h(
      'details',
      { className: 'od-search-more', open: Object.keys(query).some((k) => !['q', 'page'].includes(k)) },
      h('summary', {}, t('More keys')),
      h(
        'div',
        { className: 'od-form-grid od-search-grid' },
        input('code', t('Dossier code')),
        input('applicant', t('Applicant')),
        input('idNumber', t('ID number (CCCD) or tax code')),
        h('label', {}, t('Procedure'), procedure),
        h('label', {}, t('Status'), status),
        input('receivedFrom', t('Received from'), { type: 'date' }),
        input('receivedTo', t('Received until'), { type: 'date' }),
        input('dueFrom', t('Appointment from'), { type: 'date' }),
        input('dueTo', t('Appointment until'), { type: 'date' }),
        h('label', { className: 'od-check' }, overdue, t('Overdue only')),
      ),
    ),
  );
  const results = h('div', { className: 'od-search-results', 'aria-live': 'polite' }, h('p', { className: 'od-muted' }, t('Loading…')));
  container.replaceChildren(form, results);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) next[key] = String(value).trim();
    ctx.navigate({ view: 'dossiers', query: next });
  });

  const definitions = ctx.api.definitions(true).catch(() => []);
  try {
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    const [found, list] = await Promise.all([ctx.api.searchDossiers({ ...apiQuery(query), page: String(page), size: String(PAGE_SIZE) }), definitions, ctx.directory.load()]);
    if (!current()) return;
    procedure.append(...list.filter((d) => d.procedureCode).map((d) => h('option', { value: d.key, selected: query.procedureKey === d.key }, `${d.procedureCode} — ${d.name ?? d.key}`)));
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const go = (p: number) => ctx.navigate({ view: 'dossiers', query: { ...query, page: String(p) } });
    results.setAttribute('data-loaded', 'true');
    results.setAttribute('data-total', String(found.total));
    results.replaceChildren(
      h(
        'div',
        { className: 'od-inbox-summary' },
        h('span', { 'data-testid': 'result-count' }, t('{count} dossiers found', { count: found.total })),
        pages > 1
          ? h(
              'span',
              { className: 'od-pager' },
              h('button', { type: 'button', className: 'od-button', disabled: page <= 1, onclick: () => go(page - 1) }, '‹'),
              ` ${t('Page {page} of {pages}', { page, pages })} `,
              h('button', { type: 'button', className: 'od-button', disabled: page >= pages, onclick: () => go(page + 1) }, '›'),
            )
          : null,
      ),
      found.items.length ? createDossierTable(found.items, ctx.directory) : h('p', { className: 'od-empty', 'data-testid': 'no-dossiers' }, t('No dossier matches.')),
    );
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    results.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
  }
}
