import type { DossierDocument } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import { documentNumber, latestEvent } from '../dossier-events.js';
import { formSetFor } from '../form-registry.js';
import { html } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';
import { procedureLine } from './procedure-line.js';

/** Form 03, the refusal with its reason (the latest `refused` event; blank form without one). */
export function renderRefusalNotice(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const spec = set.forms['03'];
  const { labels } = spec;
  const c = set.common;
  const d = data.dossier;
  const refusal = latestEvent(data.events, 'refused');
  const body = html`
${parts.field(parts.fill(labels.intro, { desk: set.deskName }), d.applicant.name, c.blank)}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(c.dossierCode, d.code, c.blank)}
${parts.field(set.forms['01'].labels.receivedAt, vietnameseTime.dateTime(d.receivedAt), c.blank)}
<p>${parts.fill(labels.refusal, { desk: set.deskName })}</p>
${parts.field(labels.reason, refusal?.text('reason'), c.blank)}
<p>${labels.closing}</p>
${parts.signatures([{ who: '', hint: '' }, { who: labels.signer, hint: c.signHint, name: refusal?.event.actor }])}`;
  return documentPage({
    set,
    form: '03',
    agencyName: d.agency.name,
    issuedByDesk: true,
    number: documentNumber(d.code, spec.numberSuffix, refusal?.ordinal),
    dated: refusal?.event.at ?? null,
    body,
  });
}
