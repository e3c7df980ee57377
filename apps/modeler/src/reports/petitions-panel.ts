import type { PetitionReport } from '@onedoor/contract';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

/**
 * The petitions report beside II.06a and the indices: citizens' petitions (phản ánh, kiến nghị)
 * of the same period — how they came, what they were, and how they ended.
 */
export function renderPetitionsReport(report: PetitionReport): HTMLElement {
  const t = i18n.t;
  const row = (label: string, value: number, key: string) => h('tr', { 'data-figure': key }, h('th', { scope: 'row' }, label), h('td', {}, String(value)));
  return h(
    'table',
    { className: 'od-petitions-report', 'data-testid': 'petitions-report' },
    h('tbody', {},
      row(t('Received'), report.received.total, 'received'),
      row(t('— online'), report.received.online, 'online'),
      row(t('— at the desk or by post'), report.received.direct + report.received.postal, 'direct'),
      row(t('Reports of a problem (phản ánh)'), report.byKind.phanAnh, 'phan-anh'),
      row(t('Proposals (kiến nghị)'), report.byKind.kienNghi, 'kien-nghi'),
      row(t('Forwarded to the competent agency'), report.transferred, 'transferred'),
      row(t('Answered on time'), report.answered.onTime, 'on-time'),
      row(t('Answered late'), report.answered.late, 'late'),
      row(t('Open, within time'), report.inProgress.withinTime, 'within-time'),
      row(t('Open, overdue'), report.inProgress.overdue, 'overdue'),
      row(t('Answers published'), report.published, 'published'),
    ),
  );
}
