import { PORTAL_STATUS_TEXT } from '../../dossiers/portal-status.js';
import type { TrackingBook, TrackingBookEntry } from '../document-data.js';
import { documentPage } from '../document-page.js';
import type { FormSet } from '../form-set.js';
import { formSetFor } from '../form-registry.js';
import { html, type SafeHtml } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';

/** Form 07, the tracking book: every dossier the agency received in the period, in order of receipt. */
export function renderTrackingBook(book: TrackingBook, formVersion: string): string {
  const set = formSetFor(formVersion);
  const { labels } = set.forms['07'];
  const c = set.common;
  const body = html`
<table class="grid">
<thead><tr><th>${labels.ordinal}</th><th>${c.dossierCode}</th><th>${c.applicant}</th><th>${c.procedure}</th><th>${labels.received}</th><th>${labels.due}</th><th>${labels.returned}</th><th>${labels.result}</th><th>${labels.note}</th></tr></thead>
<tbody>
${book.entries.length > 0 ? book.entries.map((entry, i) => entryRow(entry, i + 1, set)) : html`<tr><td colspan="9" class="center">${labels.none}</td></tr>`}
</tbody>
</table>
<p><span class="label">${labels.total}:</span> <span class="value">${book.entries.length}</span></p>`;
  return documentPage({
    set,
    form: '07',
    agencyName: book.agency.name,
    issuedByDesk: true,
    number: null,
    dated: book.printedAt,
    subtitle: html`${labels.period} ${vietnameseTime.localDate(book.from)} ${labels.periodTo} ${vietnameseTime.localDate(book.to)}`,
    body,
    landscape: true,
  });
}

function entryRow(entry: TrackingBookEntry, ordinal: number, set: FormSet): SafeHtml {
  const { labels } = set.forms['07'];
  const status = PORTAL_STATUS_TEXT[entry.status] ?? String(entry.status);
  const result = entry.result ? `${status} – ${set.common.timeliness[entry.result]}` : status;
  return html`<tr>
<td class="num">${ordinal}</td>
<td class="nowrap">${entry.code}</td>
<td>${entry.applicantName}</td>
<td>${entry.procedureName ?? ''}</td>
<td>${vietnameseTime.shortDateTime(entry.receivedAt)}</td>
<td>${entry.dueAt ? vietnameseTime.shortDateTime(entry.dueAt) : ''}</td>
<td>${entry.returnedAt ? vietnameseTime.shortDateTime(entry.returnedAt) : ''}</td>
<td>${result}</td>
<td>${entry.apologyCount > 0 ? `${labels.apologies}: ${entry.apologyCount}` : ''}</td>
</tr>`;
}
