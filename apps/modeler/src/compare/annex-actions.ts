import { ApiError } from '../shared/api-error.js';
import { authSession } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';

const t = i18n.t;

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
    button('annex-plan-docx', t('Simplification plan (DOCX)'), () => download(`${comparisonPath()}&format=docx`)),
    button('annex-plan-print', t('Print the plan'), () => openPrintable(`${comparisonPath()}&format=html`)),
    button('annex-base-docx', t('Annex before (DOCX)'), () => download(`${versionPath(pair!.baseId)}?format=docx`)),
    button('annex-candidate-docx', t('Annex after (DOCX)'), () => download(`${versionPath(pair!.candidateId)}?format=docx`)),
  ];
  return {
    element: h('div', { className: 'od-annex-actions', role: 'group', 'aria-label': t('Legal annexes') }, ...buttons),
    show(next) {
      pair = next;
      for (const b of buttons) b.disabled = !next;
    },
  };
}

/** The file's bytes with the session's token (a plain link would go without it), saved under the server's name. */
async function download(path: string): Promise<void> {
  const response = await authorizedGet(path);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'phu-luc.docx';
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The printable page in a new tab, from a blob: the page has no script and needs no token of its own. */
async function openPrintable(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  const response = await authorizedGet(path);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else location.assign(url);
}

async function authorizedGet(path: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (authSession.token) headers.Authorization = `Bearer ${authSession.token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ message: response.statusText }));
    throw new ApiError(response.status, { statusCode: response.status, ...body });
  }
  return response;
}

function describe(error: unknown): string {
  return t('Could not make the annex: {message}', { message: error instanceof Error ? error.message : String(error) });
}
