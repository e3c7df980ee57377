import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { DefinitionComparison } from '@onedoor/contract';
import { formatPercent } from './compare-format.js';
import { formatMetric, formatMetricDelta } from './metric-format.js';
import { metricRows, trend, type MetricRow } from './metric-rows.js';

/**
 * Base / candidate / delta / % for every metric, the model's figures first, then what the
 * finished dossiers measured. Improvements are green, regressions red, so the table reads at a glance.
 */
export function renderMetricTable(comparison: DefinitionComparison): HTMLTableElement {
  const t = i18n.t;
  const rows = metricRows(comparison);
  const groupHeading = (label: string) =>
    h('tr', { className: 'od-metric-group' }, h('th', { colspan: 5, scope: 'colgroup' }, t(label)));
  const body = (group: MetricRow['group']) => rows.filter((row) => row.group === group).map(rowElement);
  return h(
    'table',
    { className: 'od-metric-table', 'data-testid': 'metric-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('Metric')),
        h('th', { scope: 'col', className: 'od-num' }, t('Before (v{version})', { version: comparison.base.version })),
        h('th', { scope: 'col', className: 'od-num' }, t('After (v{version})', { version: comparison.candidate.version })),
        h('th', { scope: 'col', className: 'od-num' }, t('Difference')),
        h('th', { scope: 'col', className: 'od-num' }, '%'),
      ),
    ),
    h('tbody', {}, groupHeading('From the procedure model'), body('model'), groupHeading('From finished dossiers'), body('measured')),
  );
}

function rowElement(row: MetricRow): HTMLTableRowElement {
  const direction = trend(row);
  return h(
    'tr',
    { 'data-metric': row.id, className: direction ? `od-trend-${direction}` : '' },
    h('th', { scope: 'row' }, i18n.t(row.label)),
    h('td', { className: 'od-num', 'data-cell': 'base' }, formatMetric(row.unit, row.base)),
    h('td', { className: 'od-num', 'data-cell': 'candidate' }, formatMetric(row.unit, row.candidate)),
    h('td', { className: 'od-num od-delta', 'data-cell': 'delta' }, formatMetricDelta(row.unit, row.delta?.absolute)),
    h('td', { className: 'od-num od-delta', 'data-cell': 'percent' }, row.delta ? formatPercent(row.delta.percent) : '—'),
  );
}
