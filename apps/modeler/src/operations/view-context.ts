import type { ApiClient } from '../shared/api-client.js';
import { ApiError } from '../shared/api-error.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

/** What every view of the console gets: the API, its area of the page, and a status line. */
export interface ViewContext {
  api: ApiClient;
  main: HTMLElement;
  /** Says what happened (or what went wrong) in the page's status line. */
  say(text: string, kind?: 'ok' | 'error'): void;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return i18n.t('Your account may not do this: the operations console is for administrators.');
    if (error.isOffline) return i18n.t('Cannot reach the server.');
    return error.message;
  }
  return String((error as Error)?.message ?? error);
}

/** A small table: headers, then rows of cells. */
export function table(headers: string[], rows: (Node | string)[][], attributes: Record<string, string> = {}): HTMLTableElement {
  return h(
    'table',
    { className: 'od-ops-table', ...attributes },
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c))))),
  );
}

/** Office hours in a working day, as allowances count them. */
const WORKING_DAY_HOURS = 8;

/** "2 ngày làm việc 3 giờ" / "45 phút": a working time from history, in words. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const t = i18n.t;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('{n} min', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < WORKING_DAY_HOURS) return t('{h} h {m} min', { h: hours, m: minutes % 60 });
  return t('{d} working d {h} h', { d: Math.floor(hours / WORKING_DAY_HOURS), h: hours % WORKING_DAY_HOURS });
}
