import type { DossierDocument } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import { formSetFor } from '../form-registry.js';
import { html } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';
import { procedureLine } from './procedure-line.js';
import { lookupQrCode, publicLookupUrl } from '../lookup-qr.js';

/**
 * Form 01, the receipt and appointment slip. It reproduces the slip handed over at the desk, so
 * the appointment is the one made then (the legal due date); later apologies have their own letters.
 */
export function renderReceiptSlip(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const { labels } = set.forms['01'];
  const c = set.common;
  const d = data.dossier;
  const appointment = d.legalDueAt ?? d.dueAt;
  const body = html`
${parts.field(parts.fill(labels.receivedFrom, { desk: set.deskName }), d.applicant.name, c.blank)}
${d.applicant.phone ? parts.field(c.phone, d.applicant.phone, c.blank) : ''}
${d.applicant.email ? parts.field(c.email, d.applicant.email, c.blank) : ''}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(labels.channel, c.channel[d.channel], c.blank)}
${
  data.documents.length > 0
    ? html`<p><span class="label">${labels.documents}:</span></p>
<table class="grid"><thead><tr><th>STT</th><th>${labels.documentName}</th><th>${labels.copies}</th></tr></thead><tbody>
${data.documents.map((doc, i) => html`<tr><td class="num">${i + 1}</td><td>${doc.name}</td><td class="center">${doc.copies ?? ''}</td></tr>`)}
</tbody></table>`
    : ''
}
${parts.field(labels.statutoryTime, d.statutoryDays !== null ? `${vietnameseTime.days(d.statutoryDays)} ${c.workingDays}` : null, c.blank)}
${parts.field(labels.receivedAt, vietnameseTime.dateTime(d.receivedAt), c.blank)}
${parts.field(labels.appointment, appointment ? vietnameseTime.dateTime(appointment) : null, c.blank)}
${
  data.publicBaseUrl
    ? html`<div class="lookup-qr">${lookupQrCode(publicLookupUrl(data.publicBaseUrl, d.code))}<p>Quét mã QR để tra cứu tình trạng hồ sơ và nhận kết quả điện tử: <span class="lookup-url">${publicLookupUrl(data.publicBaseUrl, d.code)}</span></p></div>`
    : ''
}
${parts.signatures([
  { who: labels.applicantSign, hint: c.signHint, name: d.applicant.name },
  { who: labels.receiverSign, hint: c.signHint, name: d.receivedBy },
])}`;
  return documentPage({
    set,
    form: '01',
    agencyName: d.agency.name,
    issuedByDesk: true,
    number: null,
    dated: d.receivedAt,
    subtitle: html`${c.dossierCode}: <strong>${d.code}</strong>`,
    body,
  });
}
