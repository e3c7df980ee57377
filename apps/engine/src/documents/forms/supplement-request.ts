import type { DossierDocument } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import { documentNumber, latestEvent } from '../dossier-events.js';
import { formSetFor } from '../form-registry.js';
import { html } from '../html.js';
import { procedureLine } from './procedure-line.js';

/**
 * Form 02, the request to supplement: every missing item of the latest `supplement_requested`
 * event, listed at once (the applicant must not be sent back twice for the same dossier).
 * Without such an event it prints as the blank paper form, pre-filled with the dossier.
 */
export function renderSupplementRequest(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const spec = set.forms['02'];
  const { labels } = spec;
  const c = set.common;
  const d = data.dossier;
  const request = latestEvent(data.events, 'supplement_requested');
  const missing = request?.list('missing') ?? [];
  const note = request?.text('note') ?? null;
  const body = html`
${parts.field(parts.fill(labels.intro, { desk: set.deskName }), d.applicant.name, c.blank)}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(c.dossierCode, d.code, c.blank)}
<p>${labels.request}</p>
<ol class="items">${missing.length > 0 ? missing.map((item) => html`<li>${item}</li>`) : html`<li>${c.blank}</li><li>${c.blank}</li>`}</ol>
${note ? parts.field(labels.note, note, c.blank) : ''}
<p>${parts.fill(labels.closing, { desk: set.deskName })}</p>
${parts.signatures([{ who: '', hint: '' }, { who: labels.signer, hint: c.signHint, name: request?.event.actor }])}`;
  return documentPage({
    set,
    form: '02',
    agencyName: d.agency.name,
    issuedByDesk: true,
    number: documentNumber(d.code, spec.numberSuffix, request?.ordinal),
    dated: request?.event.at ?? null,
    body,
  });
}
