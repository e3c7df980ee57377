import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { DossierSummary } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { formatDateTime } from '../../shared/date-time.js';
import { dossierStatusText } from '../format/dossier-status.js';
import { claimRender } from '../shell/render-guard.js';
import { printHref, routeHash } from '../shell/router.js';
import type { TasklistContext } from '../shell/tasklist-context.js';
import { dayAfter, dayStart, thisMonth } from './search-dates.js';

const BOOK_SIZE = 500;

/**
 * The tracking book (sổ theo dõi hồ sơ, form 07) on screen: every dossier the agency received in
 * a period, in the order received, with its appointment, return date and status; printed as
 * form 07 for the same period.
 */
export async function renderTrackingBook(ctx: TasklistContext, container: HTMLElement, query: Record<string, string>): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  const month = thisMonth();
  const from = query.from || month.from;
  const to = query.to || month.to;
  await ctx.directory.load();
  const agencies = agenciesOf(ctx);
  const agency = query.agency && agencies.some((a) => a.code === query.agency) ? query.agency : agencies[0]?.code;
  const form = h(
    'form',
    { className: 'od-card od-search-form', 'data-form': 'tracking-book' },
    h('h1', {}, t('Tracking book (form 07)')),
    h(
      'div',
      { className: 'od-book-period' },
      agencies.length > 1 ? h('label', {}, t('Agency'), h('select', { name: 'agency' }, agencies.map((a) => h('option', { value: a.code, selected: a.code === agency }, a.name)))) : null,
      h('label', {}, t('Received from'), h('input', { type: 'date', name: 'from', value: from, required: true })),
      h('label', {}, t('Received until'), h('input', { type: 'date', name: 'to', value: to, required: true })),
      h('button', { type: 'submit', className: 'od-button od-button-primary', 'data-action': 'show-book' }, t('Show')),
      agency ? h('a', { className: 'od-button', href: printHref(agency, '07', { from, to }), target: '_blank', rel: 'noopener', 'data-form': '07' }, t('Print the book (form 07)')) : null,
    ),
  );
  const body = h('div', { className: 'od-book-body' }, h('p', { className: 'od-muted' }, t('Loading…')));
  container.replaceChildren(form, body);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
    ctx.navigate({ view: 'book', query: data });
  });
  try {
    const { items, total } = await ctx.api.searchDossiers({ from: dayStart(from), to: dayAfter(to), size: String(BOOK_SIZE) });
    if (!current()) return;
    const rows = items.filter((d) => !agency || agencies.length <= 1 || d.agencyCode === agency).reverse();
    body.setAttribute('data-loaded', 'true');
    body.replaceChildren(
      h('p', { className: 'od-muted' }, t('{count} dossiers received from {from} to {to}.', { count: rows.length, from: localDay(from), to: localDay(to) }), total > BOOK_SIZE ? ` ${t('Showing the first {count}; print the book for all.', { count: BOOK_SIZE })}` : ''),
      rows.length ? bookTable(rows) : h('p', { className: 'od-empty' }, t('No dossier was received in this period.')),
    );
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    body.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
  }
}

function bookTable(rows: DossierSummary[]): HTMLElement {
  const t = i18n.t;
  return h(
    'div',
    { className: 'od-table-scroll' },
    h(
      'table',
      { className: 'od-table od-book-table' },
      h('thead', {}, h('tr', {}, ['#', t('Dossier'), t('Applicant'), t('Procedure'), t('Received at'), t('Appointment'), t('Returned at'), t('Status')].map((label) => h('th', {}, label)))),
      h(
        'tbody',
        {},
        rows.map((d, i) =>
          h(
            'tr',
            { 'data-dossier-code': d.code },
            h('td', {}, String(i + 1)),
            h('td', { className: 'od-nowrap' }, h('a', { className: 'od-task-link od-mono', href: routeHash({ view: 'dossier', code: d.code }) }, d.code)),
            h('td', {}, d.applicantName),
            h('td', { className: 'od-procedure-cell', title: d.procedureName ?? '' }, d.procedureName ?? d.procedureKey),
            h('td', { className: 'od-nowrap' }, formatDateTime(d.receivedAt)),
            h('td', { className: 'od-nowrap' }, formatDateTime(d.dueAt)),
            h('td', { className: 'od-nowrap' }, formatDateTime(d.returnedAt)),
            h('td', {}, dossierStatusText(d.status), d.overdue ? h('span', { className: 'od-badge od-badge-overdue' }, t('Overdue')) : null),
          ),
        ),
      ),
    ),
  );
}

/** The agencies whose book the user may print: their own; every agency for admins and managers. */
function agenciesOf(ctx: TasklistContext): { code: string; name: string }[] {
  const departments = ctx.directory.allDepartments();
  const roots = departments.filter((d) => !d.parentCode);
  if (ctx.user.roles.some((r) => r === 'admin' || r === 'manager')) return roots.map((d) => ({ code: d.code, name: d.name }));
  let code = ctx.user.departmentCode ?? null;
  for (let depth = 0; code && depth < 20; depth++) {
    const department = departments.find((d) => d.code === code);
    if (!department?.parentCode) break;
    code = department.parentCode;
  }
  const root = roots.find((d) => d.code === code);
  return root ? [{ code: root.code, name: root.name }] : [];
}

const localDay = (day: string) => day.split('-').reverse().join('/');
