import type { DossierDocument, HandOff, Party } from '../document-data.js';
import { documentPage } from '../document-page.js';
import { parts } from '../document-parts.js';
import type { ControlSheetLabels, FormSet } from '../form-set.js';
import { formSetFor } from '../form-registry.js';
import { html, type SafeHtml } from '../html.js';
import { vietnameseTime } from '../vietnamese-time.js';
import { procedureLine } from './procedure-line.js';

/**
 * Form 06, the control sheet: one row per hand-off — who handed the dossier over (department,
 * person), who received it, when to the minute, the step's allowance and due time, and its
 * result (trước hạn / đúng hạn / quá hạn, from the one timeliness definition).
 */
export function renderControlSheet(data: DossierDocument, formVersion: string): string {
  const set = formSetFor(formVersion);
  const spec = set.forms['06'];
  const { labels } = spec;
  const c = set.common;
  const d = data.dossier;
  const body = html`
<p class="center"><em>${parts.fill(labels.copyNote, { desk: set.deskName })}</em></p>
${parts.field(c.applicant, d.applicant.name, c.blank)}
${parts.field(c.procedure, procedureLine(d), c.blank)}
${parts.field(labels.receivedAt, vietnameseTime.dateTime(d.receivedAt), c.blank)}
${parts.field(labels.appointment, d.dueAt ? vietnameseTime.dateTime(d.dueAt) : null, c.blank)}
${parts.field(labels.leadAgency, d.agency.name, c.blank)}
${data.coordinatingAgencies.length > 0 ? parts.field(labels.coordinatingAgencies, data.coordinatingAgencies.map((a) => a.name).join('; '), c.blank) : ''}
<table class="grid">
<thead><tr><th>${labels.ordinal}</th><th>${labels.step}</th><th>${labels.from}</th><th>${labels.to}</th><th>${labels.at}</th><th>${labels.allowance}</th><th>${labels.result}</th><th>${labels.note}</th></tr></thead>
<tbody>
${data.handOffs.length > 0 ? data.handOffs.map((row, i) => handOffRow(row, i + 1, set, data.printedAt)) : html`<tr><td colspan="8" class="center">${labels.none}</td></tr>`}
</tbody>
</table>`;
  return documentPage({
    set,
    form: '06',
    agencyName: d.agency.name,
    issuedByDesk: true,
    number: null,
    dated: data.printedAt,
    subtitle: html`${c.dossierCode}: <strong>${d.code}</strong>`,
    body,
    landscape: true,
  });
}

function handOffRow(row: HandOff, ordinal: number, set: FormSet, printedAt: Date): SafeHtml {
  const labels = set.forms['06'].labels;
  const allowance = [
    row.allowanceDays !== null ? `${vietnameseTime.days(row.allowanceDays)} ${set.common.workingDays}` : null,
    row.dueAt ? vietnameseTime.shortDateTime(row.dueAt) : null,
  ].filter((x): x is string => x !== null);
  return html`<tr>
<td class="num">${ordinal}</td>
<td>${row.stepName ?? ''}</td>
<td>${party(row.from, labels)}</td>
<td>${party(row.to, labels)}</td>
<td>${vietnameseTime.dateTime(row.at)}</td>
<td>${allowance.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</td>
<td class="center">${result(row, set, printedAt)}</td>
<td>${note(row, labels)}</td>
</tr>`;
}

function party(p: Party, labels: ControlSheetLabels): SafeHtml {
  const department = p.departmentCode === null && p.departmentName === null ? labels.applicantParty : (p.departmentName ?? p.departmentCode);
  return html`${department}${p.person ? html`<br>${p.person}` : ''}`;
}

function result(row: HandOff, set: FormSet, printedAt: Date): string {
  if (row.result) return set.common.timeliness[row.result];
  if (row.endedAt) return '';
  const overdue = row.dueAt !== null && printedAt.getTime() > row.dueAt.getTime();
  return overdue ? set.forms['06'].labels.inProgressOverdue : set.forms['06'].labels.inProgress;
}

function note(row: HandOff, labels: ControlSheetLabels): SafeHtml {
  const ended = row.endedAt ? vietnameseTime.shortDateTime(row.endedAt) : '';
  const lines: string[] = [];
  for (const request of row.supplementRequests) lines.push(`${labels.supplementRequested} ${vietnameseTime.shortDateTime(request.at)}: ${request.missing.join('; ')}`);
  if (row.outcome === 'returned') lines.push(`${labels.returned}: ${ended}`);
  else if (row.outcome === 'canceled') lines.push(`${labels.canceled}: ${ended}`);
  else if (ended) lines.push(`${labels.completed}: ${ended}`);
  if (row.opinion) lines.push(`${row.outcome === 'returned' ? labels.reason : labels.opinion}: ${row.opinion}`);
  return html`${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}`;
}
