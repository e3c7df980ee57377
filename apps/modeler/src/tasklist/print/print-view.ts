import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { describeApiError } from '../format/api-message.js';
import type { TasklistContext } from '../shell/tasklist-context.js';

/**
 * A printable form opened from the app (`/#/print/{code}/{form}`): fetched with the user's
 * token and shown as the whole page, ready for Ctrl+P. A copied link asks for the login first
 * (the app does, before any view), never answers with the API's raw 401.
 */
export async function renderPrintView(ctx: TasklistContext, container: HTMLElement, code: string, form: string, query: Record<string, string>): Promise<void> {
  const t = i18n.t;
  container.replaceChildren(h('p', { className: 'od-muted', 'aria-busy': 'true' }, t('Preparing the document…')));
  const search = new URLSearchParams(Object.entries(query).filter(([k, v]) => ['from', 'to', 'formVersion'].includes(k) && v)).toString();
  const path = `/api/documents/${encodeURIComponent(code)}/${encodeURIComponent(form)}${search ? `?${search}` : ''}`;
  try {
    const html = await ctx.api.documentHtml(path);
    // The document replaces the page: it carries its own A4 layout, and prints as it shows.
    document.open();
    document.write(html);
    document.close();
  } catch (error) {
    if (ctx.handleCommonError(error)) return;
    container.replaceChildren(h('section', { className: 'od-card' }, h('h1', {}, t('The document could not be prepared')), h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error))));
  }
}
