import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { columnGroups, II06A_COLUMNS } from './ii06a-columns.js';
import type { Ii06aFigures, Ii06aReport, Ii06aRow } from '@onedoor/contract';

/**
 * Form II.06a as the agencies print it: two heading rows (groups, then their columns), one row
 * per unit or field with its sequence number, and the totals row last.
 */
export function renderIi06aTable(report: Ii06aReport): HTMLTableElement {
  const t = i18n.t;
  const unitHeading = report.groupBy === 'department' ? t('Unit') : t('Field');
  const number = (n: number) => n.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US');
  const cells = (figures: Ii06aFigures) =>
    II06A_COLUMNS.map((column) => h('td', { className: 'od-num', 'data-column': column.id }, number(column.value(figures))));
  const label = (row: Ii06aRow) => {
    if (row.key === null) return t('(not specified)');
    return report.groupBy === 'department' && row.name ? `${row.name} (${row.key})` : row.key;
  };

  return h(
    'table',
    { className: 'od-ii06a', 'data-testid': 'ii06a-table', 'data-group-by': report.groupBy },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { rowspan: 2, scope: 'col', className: 'od-col-seq' }, t('No.')),
        h('th', { rowspan: 2, scope: 'col', className: 'od-col-unit' }, unitHeading),
        columnGroups().map(({ group, span }) => h('th', { colspan: span, scope: 'colgroup' }, t(group))),
      ),
      h('tr', {}, II06A_COLUMNS.map((column) => h('th', { scope: 'col', 'data-column': column.id }, t(column.heading.en)))),
    ),
    h(
      'tbody',
      {},
      report.rows.length === 0
        ? h('tr', { className: 'od-ii06a-empty' }, h('td', { colspan: II06A_COLUMNS.length + 2 }, t('No dossiers in this period.')))
        : report.rows.map((row, index) =>
            h('tr', { 'data-key': row.key ?? '' }, h('td', { className: 'od-num' }, String(index + 1)), h('th', { scope: 'row' }, label(row)), cells(row)),
          ),
    ),
    h('tfoot', {}, h('tr', { className: 'od-ii06a-total', 'data-key': 'total' }, h('td', {}), h('th', { scope: 'row' }, t('Grand total')), cells(report.total))),
  );
}
