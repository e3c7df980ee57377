import { i18n } from './i18n.js';

/** Working days as the agencies write them: "0,5" in Vietnamese, "0.5" in English. */
export function formatDays(days: number | undefined): string {
  if (days === undefined || !Number.isFinite(days)) return '';
  return days.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 3, useGrouping: false });
}

/** Reads "1,5", "1.5" or " 2 " as a number; blank is undefined, garbage is NaN. */
export function parseDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return Number(trimmed.replace(',', '.'));
}
