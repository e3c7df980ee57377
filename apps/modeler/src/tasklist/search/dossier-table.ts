import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { DossierSummary } from '@onedoor/contract';
import { formatDateTime } from '../../shared/date-time.js';
import { dossierStatusText } from '../format/dossier-status.js';
import type { Directory } from '../shell/directory.js';
import { routeHash } from '../shell/router.js';

/** Search results: code (to the dossier page), applicant, procedure, dates, status, where it is now. */
export function createDossierTable(dossiers: DossierSummary[], directory: Directory): HTMLTableElement {
  const t = i18n.t;
  return h(
    'table',
    { className: 'od-table od-task-table od-dossier-table' },
    h('thead', {}, h('tr', {}, [t('Dossier'), t('Applicant'), t('Procedure'), t('Received at'), t('Appointment'), t('Status'), t('Now at')].map((label) => h('th', {}, label)))),
    h(
      'tbody',
      {},
      dossiers.map((d) =>
        h(
          'tr',
          { 'data-dossier-code': d.code, className: d.overdue ? 'od-due-overdue' : '' },
          h('td', { className: 'od-nowrap' }, h('a', { className: 'od-task-link od-mono', href: routeHash({ view: 'dossier', code: d.code }) }, d.code)),
          h('td', {}, d.applicantName, d.applicantIdNumber ? h('div', { className: 'od-muted' }, d.applicantIdNumber) : null),
          h('td', { className: 'od-procedure-cell', title: d.procedureName ?? d.procedureKey }, d.procedureCode ? h('strong', {}, `${d.procedureCode} `) : null, d.procedureName ?? d.procedureKey),
          h('td', { className: 'od-nowrap' }, formatDateTime(d.receivedAt)),
          h('td', { className: 'od-due-cell' }, formatDateTime(d.dueAt) || '—', d.overdue ? h('span', { className: 'od-badge od-badge-overdue' }, t('Overdue')) : null),
          h('td', {}, h('span', { className: `od-status-pill od-status-${d.status}` }, dossierStatusText(d.status))),
          h(
            'td',
            {},
            (d.currentSteps ?? []).map((s) =>
              h('div', {}, s.name ?? '', h('span', { className: 'od-muted' }, ` · ${s.assignee ? directory.personName(s.assignee) : directory.departmentName(s.departmentCode)}`)),
            ),
          ),
        ),
      ),
    ),
  );
}
