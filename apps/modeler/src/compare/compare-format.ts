import { i18n } from '../shared/i18n.js';

/**
 * Numbers as the reader's language writes them: Vietnamese groups thousands with "." and
 * writes decimals with "," (120.000 đồng; 0,5 ngày). Blank cells show a dash, never "NaN".
 */
const DASH = '—';

function locale(): string {
  return i18n.language === 'vi' ? 'vi-VN' : 'en-US';
}

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toLocaleString(locale(), { maximumFractionDigits });
}

/** Đồng have no subunit in use: whole numbers, with the currency word of the language. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${formatNumber(Math.round(value), 0)} ${i18n.t('đồng')}`;
}

/** A 0–1 rate as a percentage, one decimal. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${formatNumber(value * 100, 1)}%`;
}

/** A signed number: "+1", "−2,5" (a real minus sign reads better in a table than a hyphen). */
export function formatSigned(value: number | null | undefined, format: (n: number) => string = (n) => formatNumber(n)): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  if (value === 0) return format(0);
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

export function formatPercent(value: number | null | undefined): string {
  return formatSigned(value, (n) => `${formatNumber(n, 1)}%`);
}
