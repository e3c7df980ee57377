import { ApiError } from '../shared/api-error.js';
import { authorizedFetch } from '../shared/authorized-fetch.js';
import { downloadFromApi } from '../shared/download-from-api.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

const t = i18n.t;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The legal annexes of the pair on screen (GET /api/comparisons/annex, /process-definitions/{id}/annex):
 * the simplification plan (before/after table) as DOCX for the drafters of the decision or as a
 * page to print, and each version's own annex as DOCX.
 */
export interface AnnexActions {
  element: HTMLElement;
  show(pair: { baseId: string; candidateId: string } | null): void;
}

export function createAnnexActions(onError: (message: string) => void): AnnexActions {
  let pair: { baseId: string; candidateId: string } | null = null;
  const comparisonPath = () => `/api/comparisons/annex?base=${encodeURIComponent(pair!.baseId)}&candidate=${encodeURIComponent(pair!.candidateId)}`;
  const versionPath = (id: string) => `/api/process-definitions/${encodeURIComponent(id)}/annex`;
  const button = (action: string, label: string, run: () => Promise<void>) =>
    h('button', { type: 'button', className: 'od-button', 'data-action': action, disabled: true, onclick: () => void run().catch((e) => onError(describe(e))) }, label);

  const buttons = [
    button('annex-plan-docx', t('Simplification plan (DOCX)'), () => downloadFromApi(`${comparisonPath()}&format=docx`, DOCX, 'phuong-an-don-gian-hoa.docx').then(() => undefined)),
    button('annex-plan-print', t('Print the plan'), () => openPrintable(`${comparisonPath()}&format=html`)),
    button('annex-base-docx', t('Annex before (DOCX)'), () => downloadFromApi(`${versionPath(pair!.baseId)}?format=docx`, DOCX, 'phu-luc.docx').then(() => undefined)),
    button('annex-candidate-docx', t('Annex after (DOCX)'), () => downloadFromApi(`${versionPath(pair!.candidateId)}?format=docx`, DOCX, 'phu-luc.docx').then(() => undefined)),
  ];
  return {
    element: h('div', { className: 'od-annex-actions', role: 'group', 'aria-label': t('Legal annexes') }, ...buttons),
    show(next) {
      pair = next;
      for (const b of buttons) b.disabled = !next;
    },
  };
}

/** The printable page in a new tab, from a blob: the page has no script and needs no token of its own. */
async function openPrintable(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  const response = await authorizedFetch(path, { headers: { Accept: 'text/html' } });
  if (!response.ok) {
    tab?.close();
    const body = await response.json().catch(() => ({ message: response.statusText }));
    throw new ApiError(response.status, { statusCode: response.status, ...body });
  }
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else location.assign(url);
}

function describe(error: unknown): string {
  return t('Could not make the annex: {message}', { message: error instanceof Error ? error.message : String(error) });
}
