import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { formatNumber } from './compare-format.js';
import type { DefinitionComparison } from '@onedoor/contract';

/** The engine states its assumption in Vietnamese; English readers get the same sentence in English. */
const ASSUMPTION_IN_ENGLISH: Record<string, string> = {
  'Ước tính với giả định: các bước còn lại mất đúng thời gian như hồ sơ đã thực tế sử dụng; thời gian của các bước bị cắt giảm, kể cả thời gian hồ sơ chờ chuyển giao tại các bước đó, không còn nữa. Thời gian chờ tổ chức, cá nhân bổ sung hồ sơ không được tính.':
    'Estimated on the assumption that the remaining steps take exactly the time the dossiers actually took, and that the time of the steps cut, including the time dossiers waited to be handed over at them, disappears. Time spent waiting for the applicant to supplement the dossier is not counted.',
};

/**
 * "Had the new version been in force": the base version's finished dossiers replayed without
 * the steps cut. The assumption is always on screen, since the figures mean nothing without it.
 */
export function renderWhatIf(comparison: DefinitionComparison): HTMLElement {
  const t = i18n.t;
  const w = comparison.whatIf;
  const days = (n: number | null) => (n === null ? '—' : t('{n} days', { n: formatNumber(n, 2) }));
  const assumption = i18n.language === 'en' ? (ASSUMPTION_IN_ENGLISH[w.assumption] ?? w.assumption) : w.assumption;
  const figures: [string, string, string][] = [
    ['dossiers', t('Finished dossiers of v{version} replayed', { version: comparison.base.version }), formatNumber(w.dossiers, 0)],
    ['mean', t('Mean processing time'), `${days(w.meanDaysBefore)} → ${days(w.meanDaysAfter)}`],
    ['saved-mean', t('Saved per dossier (mean)'), days(w.daysSavedMean)],
    ['saved-total', t('Saved in total'), days(w.daysSavedTotal)],
    ['late', t('Late dossiers'), `${formatNumber(w.lateBefore, 0)} → ${formatNumber(w.lateAfter, 0)}`],
    ['on-time', t('Late dossiers that would have been on time'), formatNumber(w.wouldHaveBeenOnTime, 0)],
  ];
  return h(
    'section',
    { className: 'od-what-if', 'data-testid': 'what-if' },
    h('h2', {}, t('What if the new version had been in force?')),
    h('p', { className: 'od-what-if-assumption', 'data-testid': 'what-if-assumption' }, assumption),
    w.dossiers === 0
      ? h('p', { className: 'od-muted' }, t('No finished dossier of v{version} to replay yet.', { version: comparison.base.version }))
      : h(
          'dl',
          { className: 'od-what-if-figures' },
          figures.map(([id, label, value]) => h('div', { 'data-figure': id }, h('dt', {}, label), h('dd', {}, value))),
        ),
  );
}
