import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier } from '@onedoor/contract';
import { channelText, dossierStatusText } from '../format/dossier-status.js';
import { formatAppointment, formatDateTime } from '../../shared/date-time.js';
import { openSupplementRequest } from '../format/supplement-request.js';
import type { Directory } from '../shell/directory.js';
import { routeHash } from '../shell/router.js';

/** The dossier at a glance: who applied, for what, where it stands, when it is promised. */
export function createDossierCard(dossier: Dossier, directory: Directory, options: { link?: boolean } = {}): HTMLElement {
  const t = i18n.t;
  const applicant = dossier.applicant;
  const request = openSupplementRequest(dossier);
  const row = (label: string, value: Node | string | null | undefined, field?: string) =>
    value ? [h('dt', {}, label), h('dd', { 'data-field': field }, value)] : [];
  const moved = dossier.legalDueAt && dossier.dueAt && dossier.legalDueAt !== dossier.dueAt;
  return h(
    'section',
    { className: 'od-card od-dossier-card', 'data-dossier-code': dossier.code },
    h('h2', {}, options.link ? h('a', { href: routeHash({ view: 'dossier', code: dossier.code }), 'data-action': 'open-dossier' }, t('Dossier {code}', { code: dossier.code })) : t('Dossier {code}', { code: dossier.code })),
    h(
      'dl',
      { className: 'od-facts' },
      row(t('Applicant'), applicant.name, 'applicant'),
      row(t('ID number'), applicant.idNumber, 'idNumber'),
      row(t('Phone'), applicant.phone),
      row(t('Email'), applicant.email),
      row(t('Procedure'), [dossier.procedureCode, dossier.procedureName].filter(Boolean).join(' — ')),
      row(t('Channel'), channelText(dossier.channel)),
      row(t('Received at'), formatDateTime(dossier.receivedAt), 'receivedAt'),
      row(t('Received by'), dossier.receivedBy ? directory.personName(dossier.receivedBy) : null, 'receivedBy'),
      row(
        t('Status'),
        h('span', { className: `od-status-pill od-status-${dossier.status}` }, dossierStatusText(dossier.status, dossier.statusText)),
        'status',
      ),
      row(
        t('Appointment'),
        h('span', { className: dossier.overdue ? 'od-text-overdue' : '' }, formatAppointment(dossier.dueAt), dossier.overdue ? ` (${t('overdue')})` : ''),
        'appointment',
      ),
      moved ? row(t('Legal due date'), formatDateTime(dossier.legalDueAt), 'legalDueAt') : [],
      row(t('Finished at'), formatDateTime(dossier.finishedAt), 'finishedAt'),
      dossier.documents?.length
        ? row(
            t('Documents handed in'),
            h('ul', { className: 'od-components' }, dossier.documents.map((d) => h('li', {}, d.name, d.copies ? h('span', { className: 'od-muted' }, ` (${d.copies})`) : null))),
            'documents',
          )
        : [],
    ),
    request
      ? h(
          'div',
          { className: 'od-waiting-box', 'data-testid': 'waiting-supplement' },
          h('strong', {}, t('Waiting for the applicant’s supplement since {date}.', { date: formatDateTime(dossier.waitingSince) })),
          request.missing.length ? h('ul', {}, request.missing.map((item) => h('li', {}, item))) : null,
          request.note ? h('p', {}, request.note) : null,
        )
      : null,
  );
}
