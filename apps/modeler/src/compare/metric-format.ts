import { i18n } from '../shared/i18n.js';
import { formatMoney, formatNumber, formatRate, formatSigned } from './compare-format.js';
import type { MetricUnit } from './metric-rows.js';

/** A metric's value with its unit, as the table cell shows it. */
export function formatMetric(unit: MetricUnit, value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'money':
      return formatMoney(value);
    case 'rate':
      return formatRate(value);
    case 'days':
      return i18n.t('{n} days', { n: formatNumber(value, 2) });
    default:
      return formatNumber(value, 2);
  }
}

/** candidate − base; a rate's difference is in percentage points, not percent. */
export function formatMetricDelta(unit: MetricUnit, absolute: number | null | undefined): string {
  if (absolute === null || absolute === undefined) return '—';
  switch (unit) {
    case 'money':
      return formatSigned(absolute, (n) => formatMoney(n));
    case 'rate':
      return i18n.t('{value} pp', { value: formatSigned(absolute * 100, (n) => formatNumber(n, 1)) });
    case 'days':
      return i18n.t('{n} days', { n: formatSigned(absolute, (n) => formatNumber(n, 2)) });
    default:
      return formatSigned(absolute);
  }
}
