import '../shared/base.css';
import './reports-page.css';

import { ApiClient } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { authSession } from '../shared/auth-session.js';
import { formatDateTime } from '../shared/date-time.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLoginForm } from '../shared/login-form.js';
import { viUi } from '../shared/vi-ui.js';
import { renderDashboard } from './dashboard-panel.js';
import { renderPetitionsReport } from './petitions-panel.js';
import { renderIi06aTable } from './ii06a-table.js';
import { createPeriodPicker, defaultSelection, periodQuery, selectionFromQuery, type PeriodSelection } from './period-picker.js';
import { downloadFromApi } from '../shared/download-from-api.js';
import type { Dashboard, Ii06aGroupBy, Ii06aReport, PetitionReport } from '@onedoor/contract';
import { createAppHeader } from '../shared/app-shell/app-header.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import { viReports } from './vi-reports.js';

/**
 * Managers' reports at /reports/ (issue #8): form II.06a for a period, by unit or by field, with
 * its totals, as CSV and XLSX too; and the Decision 766 indices of the same period.
 * The address keeps the choice (`?period=2026-Q3&groupBy=field`), so a report can be bookmarked.
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viReports);
const t = i18n.t;
document.documentElement.lang = i18n.language;
document.title = t('Reports — OneDoor');

const api = new ApiClient();
const root = document.getElementById('app')!;
const header = createAppHeader({
  api,
  currentPath: '/reports/',
  onLogout: () => {
    authSession.clear();
    header.refresh();
    void start();
  },
  onExpired: () => {
    authSession.clear();
    header.refresh();
    void start();
  },
});
const pageTitle = h('h1', { className: 'od-page-title od-reports-title' }, t('Reports on administrative procedures'));
const main = h('main', { className: 'od-reports' });
root.append(header.element, h('div', { className: 'od-reports-heading' }, pageTitle), main);

let dashboardCharts: { destroy(): void } | null = null;
let latestLoad = 0;

void start();

function start(): void {
  main.replaceChildren();
  if (!authSession.token) return askLogin();

  const params = new URLSearchParams(location.search);
  let selection = selectionFromQuery(params, defaultSelection());
  let groupBy: Ii06aGroupBy = params.get('groupBy') === 'field' ? 'field' : 'department';

  const picker = createPeriodPicker(selection, (next) => {
    selection = next;
    void load();
  });
  const groupSelect = h(
    'select',
    { name: 'groupBy', 'data-testid': 'group-by' },
    h('option', { value: 'department' }, t('Unit (agency)')),
    h('option', { value: 'field' }, t('Field')),
  );
  groupSelect.value = groupBy;
  groupSelect.addEventListener('change', () => {
    groupBy = groupSelect.value as Ii06aGroupBy;
    void load();
  });
  const csvButton = h('button', { type: 'button', className: 'od-button', 'data-action': 'download-csv', onclick: () => download('csv') }, t('Download CSV'));
  const xlsxButton = h('button', { type: 'button', className: 'od-button', 'data-action': 'download-xlsx', onclick: () => download('xlsx') }, t('Download Excel (XLSX)'));
  const dashboardCsvButton = h('button', { type: 'button', className: 'od-button', 'data-action': 'download-dashboard-csv', onclick: () => downloadDashboard() }, t('Download indices (CSV)'));
  const status = h('p', { className: 'od-reports-status', role: 'status', 'data-testid': 'status' });
  const title = h('h2', { className: 'od-report-title' });
  const periodLine = h('p', { className: 'od-report-period', 'data-testid': 'period-label' });
  const tableBox = h('div', { className: 'od-ii06a-scroll' });
  const dashboardBox = h('div', { className: 'od-dashboard-box' });
  const petitionsBox = h('div', { className: 'od-petitions-box' });

  main.append(
    h(
      'div',
      { className: 'od-reports-toolbar' },
      picker.element,
      h('fieldset', { className: 'od-group-by' }, h('legend', {}, t('Group by')), h('label', {}, t('Rows by'), groupSelect)),
      h('div', { className: 'od-reports-downloads' }, csvButton, xlsxButton),
    ),
    status,
    h('section', { className: 'od-report' }, title, periodLine, tableBox),
    h(
      'section',
      { className: 'od-dashboard' },
      h('h2', {}, t('Service quality indices (Decision 766/QĐ-TTg)')),
      h('div', { className: 'od-reports-downloads' }, dashboardCsvButton),
      dashboardBox,
    ),
    h('section', { className: 'od-petitions' }, h('h2', {}, t('Petitions about administrative rules')), petitionsBox),
  );
  void load();

  function query(): string {
    return new URLSearchParams({ ...periodQuery(selection), groupBy }).toString();
  }

  /** The petitions of the period the dashboard reported on (its instants, so both agree on the edges). */
  async function loadPetitions(from: string, to: string, ticket: number): Promise<void> {
    try {
      const report = await api.get<PetitionReport>(`/api/petitions/report?${new URLSearchParams({ from, to }).toString()}`);
      if (ticket === latestLoad) petitionsBox.replaceChildren(renderPetitionsReport(report));
    } catch (error) {
      if (ticket === latestLoad) petitionsBox.replaceChildren(h('p', { className: 'od-error', role: 'alert' }, describe(error)));
    }
  }

  async function load(): Promise<void> {
    const ticket = ++latestLoad;
    history.replaceState(null, '', `?${query()}`);
    main.dataset.state = 'loading';
    status.textContent = t('Loading…');
    status.className = 'od-reports-status';
    const period = new URLSearchParams(periodQuery(selection)).toString();
    const [report, dashboard] = await Promise.allSettled([
      api.get<Ii06aReport>(`/api/reports/ii06a?${query()}`),
      api.get<Dashboard>(`/api/reports/dashboard?${period}`),
    ]);
    if (ticket !== latestLoad) return;
    const failure = [report, dashboard].find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure && failure.reason instanceof ApiError && failure.reason.status === 401) return showLogin();

    if (report.status === 'fulfilled') {
      title.textContent = t('Results of resolving administrative procedures (form II.06a)');
      periodLine.textContent = periodLabel(report.value);
      tableBox.replaceChildren(renderIi06aTable(report.value));
    } else {
      periodLine.textContent = '';
      tableBox.replaceChildren(h('p', { className: 'od-error', role: 'alert' }, describe(report.reason)));
    }
    dashboardCharts?.destroy();
    dashboardCharts = null;
    if (dashboard.status === 'fulfilled') {
      const rendered = renderDashboard(dashboard.value);
      dashboardCharts = rendered;
      dashboardBox.replaceChildren(rendered.element);
      void loadPetitions(dashboard.value.period.startsAt, dashboard.value.period.endsBefore, ticket);
    } else {
      dashboardBox.replaceChildren(h('p', { className: 'od-error', role: 'alert' }, describe(dashboard.reason)));
    }
    status.textContent = '';
    csvButton.disabled = xlsxButton.disabled = report.status !== 'fulfilled';
    main.dataset.state = failure ? 'error' : 'ready';
  }

  async function downloadDashboard(): Promise<void> {
    status.textContent = '';
    try {
      await downloadFromApi(`/api/reports/dashboard?${new URLSearchParams(periodQuery(selection)).toString()}&format=csv`, 'text/csv', 'chi-so-766.csv');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return showLogin();
      status.textContent = describe(error);
      status.className = 'od-reports-status is-error';
    }
  }

  async function download(format: 'csv' | 'xlsx'): Promise<void> {
    status.textContent = '';
    const accept = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    try {
      // format= as well as Accept: the engine honours either, a proxy may rewrite Accept
      await downloadFromApi(`/api/reports/ii06a?${query()}&format=${format}`, accept, `bao-cao-ii06a.${format}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return showLogin();
      status.textContent = describe(error);
      status.className = 'od-reports-status is-error';
    }
  }

  /** The engine names the period in Vietnamese; English readers get the dates in their words. */
  function periodLabel(report: Ii06aReport): string {
    const date = (iso: string) => iso.split('-').reverse().join('/');
    const label = i18n.language === 'vi' ? `${t('Period')}: ${report.period.label}` : `Period: ${date(report.period.from)} – ${date(report.period.to)}`;
    // A period still running is counted as of now: "overdue" means overdue today, not at its end.
    const running = report.asOf && new Date(report.asOf).getTime() < new Date(report.period.endsBefore).getTime();
    return running ? `${label} · ${t('figures as of {date}', { date: formatDateTime(report.asOf) })}` : label;
  }
}

function showLogin(): void {
  authSession.clear();
  header.refresh();
  askLogin();
}

function askLogin(): void {
  main.dataset.state = 'login';
  main.replaceChildren(
    h(
      'section',
      { className: 'od-reports-login' },
      h('h2', {}, t('Log in')),
      h('p', { className: 'od-muted' }, t('Reports are for managers: log in with a manager account.')),
      createLoginForm({ api, onSuccess: () => { header.refresh(); start(); } }),
    ),
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('Your account may not see reports: it needs the manager role.');
    if (error.isOffline) return t('Cannot reach the server.');
    if (error.status === 404) return t('This report is not available on the server yet.');
    return t('Could not load the report: {message}', { message: error.message });
  }
  return t('Could not load the report: {message}', { message: String((error as Error)?.message ?? error) });
}
