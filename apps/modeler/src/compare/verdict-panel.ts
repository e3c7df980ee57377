import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { formatMoney, formatPercent } from './compare-format.js';
import type { DefinitionComparison } from '@onedoor/contract';

/**
 * The two reform targets (Decision 468/QĐ-TTg: cut at least one intermediate step, cut the
 * compliance cost by at least 10%), each met or not, then the engine's own sentence.
 */
export function renderVerdict(comparison: DefinitionComparison): HTMLElement {
  const t = i18n.t;
  const { base, candidate, verdict, delta } = comparison;
  const intermediateCut = comparison.removedSteps.filter((step) => step.intermediate).length;
  return h(
    'section',
    { className: `od-verdict ${verdict.met ? 'is-met' : 'is-not-met'}`, 'data-testid': 'verdict', 'data-met': String(verdict.met) },
    h('h2', {}, verdict.met ? t('Reform targets met') : t('Reform targets not met')),
    h(
      'ul',
      { className: 'od-targets' },
      target(
        'steps',
        verdict.stepsCut,
        t('At least one intermediate step cut'),
        t('{count} intermediate steps cut ({before} → {after} steps)', { count: intermediateCut, before: base.steps, after: candidate.steps }),
      ),
      target(
        'cost',
        verdict.costCut10,
        t('Compliance cost cut by at least 10%'),
        delta.complianceCost.percent === null
          ? t('No compliance cost recorded for the base version')
          : t('{change} ({before} → {after})', {
              change: formatPercent(delta.complianceCost.percent),
              before: formatMoney(base.complianceCost),
              after: formatMoney(candidate.complianceCost),
            }),
      ),
    ),
    h('p', { className: 'od-verdict-text', lang: 'vi' }, verdict.text),
  );
}

function target(id: string, met: boolean, goal: string, detail: string): HTMLElement {
  return h(
    'li',
    { className: met ? 'is-met' : 'is-not-met', 'data-target': id, 'data-met': String(met) },
    h('span', { className: 'od-target-mark', 'aria-hidden': 'true' }, met ? '✔' : '✘'),
    h('span', { className: 'od-target-goal' }, goal),
    h('span', { className: 'od-target-detail' }, detail),
    h('span', { className: 'od-target-state' }, met ? i18n.t('met') : i18n.t('not met')),
  );
}
