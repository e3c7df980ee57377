import type { DossierDocument } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import { documentNumber, latestEvent } from '../dossier-events.js';
import { formSetFor } from '../form-registry.js';
import { html } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';
import { procedureLine } from './procedure-line.js';

/** Form 05, the notice that processing stops, with the reason of the latest `stopped` event. */
export function renderStopNotice(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const spec = set.forms['05'];
  const { labels } = spec;
  const c = set.common;
  const d = data.dossier;
  const stop = latestEvent(data.events, 'stopped');
  const body = html`
<p class="center"><span class="label">${c.addressee}:</span> <span class="value">${d.applicant.name}</span></p>
<p>${labels.intro}</p>
${parts.field(c.dossierCode, d.code, c.blank)}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(labels.receivedAt, vietnameseTime.dateTime(d.receivedAt), c.blank)}
${parts.field(labels.stoppedAt, stop ? vietnameseTime.dateTime(stop.event.at) : null, c.blank)}
${parts.field(labels.reason, stop?.text('reason'), c.blank)}
<p>${labels.closing}</p>
${parts.signatures([{ who: '', hint: '' }, { who: labels.signer, hint: c.sealHint }])}`;
  return documentPage({
    set,
    form: '05',
    agencyName: d.agency.name,
    issuedByDesk: false,
    number: documentNumber(d.code, spec.numberSuffix, stop?.ordinal),
    dated: stop?.event.at ?? null,
    body,
  });
}
