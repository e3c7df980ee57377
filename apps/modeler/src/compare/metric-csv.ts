import { i18n } from '../shared/i18n.js';
import type { DefinitionComparison } from '@onedoor/contract';
import { metricRows, type MetricUnit } from './metric-rows.js';

/** Excel opens a CSV as UTF-8 (Vietnamese diacritics intact) only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

const UNIT_LABEL: Record<MetricUnit, string> = {
  steps: 'steps',
  count: 'count',
  days: 'working days',
  money: 'đồng',
  rate: '%',
};

/**
 * The metric table as CSV (RFC 4180, CRLF): plain machine numbers with a unit column, so a
 * spreadsheet can compute with them; rates in percent, their difference in percentage points.
 */
export function metricCsv(comparison: DefinitionComparison): string {
  const t = i18n.t;
  const { base, candidate } = comparison;
  const header = [
    t('Metric'),
    t('Unit'),
    t('Before (v{version})', { version: base.version }),
    t('After (v{version})', { version: candidate.version }),
    t('Difference'),
    t('Difference (%)'),
  ];
  const lines = metricRows(comparison).map((row) => {
    const scale = row.unit === 'rate' ? 100 : 1;
    const value = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(round(n * scale)));
    return [t(row.label), t(UNIT_LABEL[row.unit]), value(row.base), value(row.candidate), value(row.delta?.absolute), row.delta?.percent == null ? '' : String(row.delta.percent)];
  });
  return BOM + [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
