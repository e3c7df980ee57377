import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Dossier, DossierEvent } from '@onedoor/contract';
import { formatDateTime } from '../../shared/date-time.js';
import { dossierStatusText } from '../format/dossier-status.js';
import type { Directory } from '../shell/directory.js';

interface Entry {
  at: string;
  kind: string;
  title: string;
  actor: string | null;
  details: string[];
}

/**
 * The dossier's history in the order it happened: its events (reception, supplement asked and
 * received, returns with their reasons, apologies, refusal, stop, withdrawal) and every step
 * finished, by whom, with the opinion written — in words, with names and dd/mm/yyyy HH:mm.
 */
export function createDossierHistory(dossier: Dossier, directory: Directory): HTMLElement {
  const t = i18n.t;
  const entries: Entry[] = [];
  for (const event of dossier.events ?? []) {
    const entry = describeEvent(event, directory);
    if (entry) entries.push(entry);
  }
  for (const step of dossier.steps) {
    if (!step.completedAt || step.outcome === 'returned') continue;
    entries.push({
      at: step.completedAt,
      kind: 'step',
      title: t('Step “{step}” done', { step: step.name ?? step.elementId }),
      actor: step.assigneeName ?? directory.personName(step.assignee),
      details: step.opinion ? [t('Opinion: {text}', { text: step.opinion })] : [],
    });
  }
  entries.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return h(
    'section',
    { className: 'od-card od-history', 'data-testid': 'history' },
    h('h2', {}, t('History')),
    h(
      'ol',
      { className: 'od-timeline' },
      entries.map((e) =>
        h(
          'li',
          { 'data-kind': e.kind },
          h('time', { dateTime: e.at }, formatDateTime(e.at)),
          h('div', {}, h('strong', {}, e.title), e.actor ? h('span', { className: 'od-muted' }, ` — ${e.actor}`) : null, e.details.map((d) => h('p', {}, d))),
        ),
      ),
    ),
  );
}

function describeEvent(event: DossierEvent, directory: Directory): Entry | null {
  const t = i18n.t;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const date = (key: string) => (typeof data[key] === 'string' ? formatDateTime(data[key] as string) : '');
  const base = { at: event.at, kind: event.kind, actor: event.actor ? directory.personName(event.actor) : null };
  switch (event.kind) {
    case 'received':
      return { ...base, title: t('Dossier received'), details: date('dueAt') ? [t('Appointment: {date}', { date: date('dueAt') })] : [] };
    case 'status':
      return { ...base, title: t('Status: {status}', { status: dossierStatusText(Number(data.to)) }), actor: null, details: [] };
    case 'supplement_requested':
      return {
        ...base,
        title: t('Supplement requested (form 02)'),
        details: [t('Missing: {items}', { items: Array.isArray(data.missing) ? data.missing.join('; ') : '' }), ...(text('note') ? [t('Note: {text}', { text: text('note') })] : [])],
      };
    case 'supplement_received':
      return { ...base, title: t('Supplement received'), details: date('newDueAt') ? [t('New appointment: {date}', { date: date('newDueAt') })] : [] };
    case 'returned':
      return {
        ...base,
        title: t('Returned from “{from}” to “{to}”', { from: text('fromStep'), to: text('toStep') }),
        details: [t('Reason: {text}', { text: text('reason') })],
      };
    case 'apology':
      return {
        ...base,
        title: t('Apology letter (form 04)'),
        details: [t('Reason: {text}', { text: text('reason') }), t('New appointment: {date}', { date: date('newDueAt') })],
      };
    case 'refused':
      return { ...base, title: t('Refused (form 03)'), details: [t('Reason: {text}', { text: text('reason') })] };
    case 'stopped':
      return { ...base, title: t('Processing stopped (form 05)'), details: [t('Reason: {text}', { text: text('reason') })] };
    case 'withdrawn':
      return { ...base, title: t('Withdrawn by the applicant'), details: [t('Reason: {text}', { text: text('reason') })] };
    case 'violation':
      return { ...base, title: t('Late without an apology letter'), actor: null, details: [] };
    default:
      return null;
  }
}
