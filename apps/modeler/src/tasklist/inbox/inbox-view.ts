import { ApiError } from '../../shared/api-error.js';
import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { InboxFilter, Task } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { claimRender } from '../shell/render-guard.js';
import { routeHash, type Route } from '../shell/router.js';
import { hasRole, type TasklistContext } from '../shell/tasklist-context.js';
import { createTaskTable } from './task-table.js';

const TABS: { route: Route; label: string; filter?: InboxFilter }[] = [
  { route: { view: 'inbox', filter: 'mine' }, filter: 'mine', label: 'My tasks' },
  { route: { view: 'inbox', filter: 'candidate' }, filter: 'candidate', label: 'Department tasks' },
  { route: { view: 'inbox', filter: 'overdue' }, filter: 'overdue', label: 'Overdue' },
  { route: { view: 'waiting' }, label: 'Waiting for supplement' },
];

/** The tabs over every list view (inbox filters and dossiers waiting for a supplement). */
export function createInboxTabs(ctx: TasklistContext, current: Route, counts: Partial<Record<InboxFilter, number>> = {}): HTMLElement {
  const t = i18n.t;
  const currentHash = routeHash(current);
  return h(
    'div',
    { className: 'od-inbox-bar' },
    h(
      'nav',
      { className: 'od-tabs', role: 'tablist' },
      TABS.map((tab) =>
        h(
          'a',
          {
            role: 'tab',
            className: 'od-tab',
            href: routeHash(tab.route),
            'data-tab': tab.filter ?? tab.route.view,
            'aria-selected': routeHash(tab.route) === currentHash ? 'true' : 'false',
          },
          t(tab.label),
          tab.filter && counts[tab.filter] !== undefined
            ? h('span', { className: `od-count od-count-${tab.filter}${counts[tab.filter] ? '' : ' od-count-zero'}` }, String(counts[tab.filter]))
            : null,
        ),
      ),
    ),
    hasRole(ctx.user, 'reception', 'admin')
      ? h('a', { className: 'od-button od-button-primary', href: routeHash({ view: 'receive' }), 'data-action': 'receive-dossier' }, t('Receive a dossier'))
      : null,
  );
}

/** "Việc của tôi", "Việc của phòng", "Quá hạn": one list, sorted by due time. */
export async function renderInbox(ctx: TasklistContext, container: HTMLElement, filter: InboxFilter): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  const route: Route = { view: 'inbox', filter };
  const body = h('div', { className: 'od-inbox-body', 'aria-busy': 'true' }, h('p', { className: 'od-muted' }, t('Loading…')));
  const refresh = h('button', { type: 'button', className: 'od-button', 'data-action': 'refresh', onclick: () => void renderInbox(ctx, container, filter) }, t('Refresh'));
  container.replaceChildren(createInboxTabs(ctx, route), body);

  const now = new Date();
  try {
    const [lists, soonLimit] = await Promise.all([
      loadLists(ctx, filter),
      // A calendar hiccup must not hide the list: rows just lose the amber colour.
      ctx.api.oneWorkingDayFrom(now).catch(() => null),
      ctx.directory.load(),
    ]);
    const tasks = lists.current;
    if (!current()) return;
    container.replaceChildren(
      createInboxTabs(ctx, route, lists.counts),
      h(
        'div',
        { className: 'od-inbox-body', 'data-filter': filter, 'data-loaded': 'true' },
        h('div', { className: 'od-inbox-summary' }, h('span', {}, summary(tasks, filter)), tasks.length ? legend() : h('span', { className: 'od-legend' }), refresh),
        tasks.length
          ? createTaskTable({ tasks, directory: ctx.directory, now, soonLimit, me: ctx.user.username })
          : h('p', { className: 'od-empty', 'data-testid': 'empty-inbox' }, emptyText(filter)),
      ),
    );
  } catch (error) {
    if (!current() || ctx.handleCommonError(error)) return;
    // Designers and managers have no inbox: say so plainly; the header still leads to their pages.
    const noInbox = error instanceof ApiError && error.status === 403;
    body.replaceChildren(
      noInbox
        ? h('p', { className: 'od-empty', 'data-testid': 'no-inbox' }, t('Your account has no task list: tasks go to officers and leaders of a department. Use the pages above.'))
        : h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)),
      ...(noInbox ? [] : [refresh]),
    );
    if (noInbox) container.replaceChildren(body);
    body.removeAttribute('aria-busy');
  }
}

/**
 * The shown list and the numbers on the other tabs, fetched together. Only the shown list's
 * failure is an error; a failed count shows nothing rather than a wrong zero.
 */
async function loadLists(ctx: TasklistContext, filter: InboxFilter): Promise<{ current: Task[]; counts: Partial<Record<InboxFilter, number>> }> {
  const filters: InboxFilter[] = ['mine', 'candidate', 'overdue'];
  const lists = await Promise.all(filters.map((f) => (f === filter ? ctx.api.tasks(f) : ctx.api.tasks(f).catch(() => undefined))));
  const counts = Object.fromEntries(filters.flatMap((f, i) => (lists[i] ? [[f, lists[i]!.length]] : [])));
  return { current: lists[filters.indexOf(filter)]!, counts };
}

function summary(tasks: Task[], filter: InboxFilter): string {
  const t = i18n.t;
  const overdue = tasks.filter((task) => task.overdue).length;
  const base = t('{count} tasks, earliest due first', { count: tasks.length });
  return overdue && filter !== 'overdue' ? `${base} · ${t('{count} overdue', { count: overdue })}` : base;
}

function legend(): HTMLElement {
  const t = i18n.t;
  return h(
    'span',
    { className: 'od-legend' },
    h('span', { className: 'od-badge od-badge-overdue' }, t('Overdue')),
    h('span', { className: 'od-badge od-badge-soon' }, t('Due within one working day')),
  );
}

function emptyText(filter: InboxFilter): string {
  const t = i18n.t;
  if (filter === 'mine') return t('You have no claimed tasks. Claim one from “Department tasks”.');
  if (filter === 'candidate') return t('No unclaimed tasks in your department.');
  return t('Nothing is overdue.');
}
