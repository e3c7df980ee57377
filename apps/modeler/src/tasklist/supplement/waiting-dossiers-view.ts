import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier } from '@onedoor/contract';
import { describeApiError } from '../format/api-message.js';
import { formatDateTime } from '../../shared/date-time.js';
import { openSupplementRequest } from '../format/supplement-request.js';
import { createInboxTabs } from '../inbox/inbox-view.js';
import { claimRender } from '../shell/render-guard.js';
import type { TasklistContext } from '../shell/tasklist-context.js';

/**
 * Dossiers waiting for the applicant (status 5). The desk records the supplement's arrival
 * here; the engine then restarts or resumes the clock by the procedure's policy.
 */
export async function renderWaitingDossiers(ctx: TasklistContext, container: HTMLElement): Promise<void> {
  const t = i18n.t;
  const current = claimRender(container);
  const body = h('div', { className: 'od-inbox-body' }, h('p', { className: 'od-muted' }, t('Loading…')));
  container.replaceChildren(createInboxTabs(ctx, { view: 'waiting' }), body);
  let dossiers: Dossier[];
  try {
    dossiers = await loadWaiting(ctx);
  } catch (error) {
    if (current() && !ctx.handleCommonError(error)) body.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }
  if (!current()) return;
  body.setAttribute('data-loaded', 'true');
  if (!dossiers.length) return void body.replaceChildren(h('p', { className: 'od-empty' }, t('No dossier is waiting for a supplement.')));
  const error = h('p', { className: 'od-form-error', role: 'alert' });
  body.replaceChildren(
    error,
    h(
      'table',
      { className: 'od-table' },
      h('thead', {}, h('tr', {}, [t('Dossier'), t('Procedure'), t('Applicant'), t('Missing items'), t('Waiting since'), ''].map((label) => h('th', {}, label)))),
      h(
        'tbody',
        {},
        dossiers.map((d) => {
          const button = h('button', { type: 'button', className: 'od-button od-button-primary', 'data-action': 'supplement-received' }, t('Supplement received'));
          button.addEventListener('click', async () => {
            button.disabled = true;
            try {
              await ctx.api.supplementReceived(d.code);
              ctx.flash(t('Supplement for {code} recorded; the dossier is processed again.', { code: d.code }), 'success');
              ctx.navigate({ view: 'waiting' });
            } catch (failure) {
              button.disabled = false;
              if (!ctx.handleCommonError(failure)) error.textContent = describeApiError(failure);
            }
          });
          return h(
            'tr',
            { 'data-dossier-code': d.code },
            h('td', { className: 'od-mono' }, d.code),
            h('td', { className: 'od-procedure-cell', title: d.procedureName ?? d.procedureKey }, d.procedureName ?? d.procedureKey),
            h('td', {}, d.applicant.name),
            h('td', {}, h('ul', { className: 'od-missing' }, (openSupplementRequest(d)?.missing ?? []).map((item) => h('li', {}, item)))),
            h('td', {}, formatDateTime(d.waitingSince)),
            h('td', {}, button),
          );
        }),
      ),
    ),
  );
}

/**
 * Status 5 finds the candidates; each dossier's own record says whether it still waits (the
 * status of a dossier resumed before any step finished can lag behind) and what is missing.
 */
async function loadWaiting(ctx: TasklistContext): Promise<Dossier[]> {
  const candidates = await ctx.api.waitingDossiers();
  const details = await Promise.all(candidates.slice(0, 100).map((d) => ctx.api.dossier(d.code).catch(() => null)));
  return details.filter((d): d is Dossier => Boolean(d?.waitingSince));
}
