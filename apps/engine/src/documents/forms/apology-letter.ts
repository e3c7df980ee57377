import type { DossierDocument } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import { documentNumber, latestEvent } from '../dossier-events.js';
import { formSetFor } from '../form-registry.js';
import { html } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';
import { procedureLine } from './procedure-line.js';

/**
 * Form 04, the apology and new appointment: reason, the appointment it replaces and the new one,
 * from the latest `apology` event (each apology is its own numbered letter).
 */
export function renderApologyLetter(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const spec = set.forms['04'];
  const { labels } = spec;
  const c = set.common;
  const d = data.dossier;
  const apology = latestEvent(data.events, 'apology');
  const previousDue = apology ? apology.date('previousDueAt') : (d.dueAt ?? d.legalDueAt);
  const newDue = apology?.date('newDueAt') ?? null;
  const when = (date: Date | null) => (date ? vietnameseTime.dateTime(date) : null);
  const body = html`
<p class="center"><span class="label">${c.addressee}:</span> <span class="value">${d.applicant.name}</span></p>
<p>${parts.fill(labels.intro, { desk: set.deskName })}</p>
${parts.field(c.dossierCode, d.code, c.blank)}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(labels.receivedAt, when(d.receivedAt), c.blank)}
${parts.field(labels.previousDue, when(previousDue), c.blank)}
${parts.field(labels.reason, apology?.text('reason'), c.blank)}
<p>${labels.apology}: <span class="value">${when(newDue) ?? c.blank}</span>.</p>
<p>${labels.closing}</p>
${parts.signatures([{ who: '', hint: '' }, { who: labels.signer, hint: c.sealHint }])}`;
  return documentPage({
    set,
    form: '04',
    agencyName: d.agency.name,
    issuedByDesk: false,
    number: documentNumber(d.code, spec.numberSuffix, apology?.ordinal),
    dated: apology?.event.at ?? null,
    body,
  });
}
