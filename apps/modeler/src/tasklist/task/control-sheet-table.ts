import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { ControlSheetRow } from '@onedoor/contract';
import { formatDateTime } from '../../shared/date-time.js';
import type { Directory } from '../shell/directory.js';

const RESULT: Record<string, string> = { early: 'Early', on_time: 'On time', late: 'Late' };

/**
 * Form 06 as a table: every hand-off with who held it (by name), the one early / on-time / late
 * verdict the engine computes, and what was written: the opinion, the reason of a return, the
 * supplement asked.
 */
export function createControlSheetTable(steps: ControlSheetRow[], directory: Directory): HTMLElement {
  const t = i18n.t;
  return h(
    'section',
    { className: 'od-card od-control-sheet' },
    h('h2', {}, t('Control sheet (form 06)')),
    h(
      'div',
      { className: 'od-table-scroll' },
      h(
        'table',
        { className: 'od-table' },
        h(
          'thead',
          {},
          h('tr', {}, ['#', t('Step'), t('Department'), t('Handled by'), t('Started'), t('Due'), t('Finished'), t('Result'), t('Opinion and notes')].map((label) => h('th', {}, label))),
        ),
        h(
          'tbody',
          {},
          steps.map((step, index) =>
            h(
              'tr',
              { 'data-element-id': step.elementId, 'data-result': step.result ?? (step.completedAt ? 'closed' : 'open') },
              h('td', {}, String(index + 1)),
              h('td', {}, step.name ?? step.elementId),
              h('td', {}, step.departmentName ?? directory.departmentName(step.departmentCode)),
              h('td', {}, step.assigneeName ?? directory.personName(step.assignee)),
              h('td', { className: 'od-nowrap' }, formatDateTime(step.startedAt)),
              h('td', { className: 'od-nowrap' }, formatDateTime(step.dueAt)),
              h('td', { className: 'od-nowrap' }, formatDateTime(step.completedAt)),
              h('td', {}, resultBadge(step)),
              h('td', { className: 'od-notes' }, notes(step)),
            ),
          ),
        ),
      ),
    ),
  );
}

function notes(step: ControlSheetRow): HTMLElement[] {
  const t = i18n.t;
  const lines: HTMLElement[] = (step.supplementRequests ?? []).map((r) =>
    h('div', { className: 'od-note-supplement' }, t('Supplement requested {date}: {items}', { date: formatDateTime(r.at), items: r.missing.join('; ') })),
  );
  if (step.opinion) lines.push(h('div', { className: 'od-note-opinion' }, step.outcome === 'returned' ? t('Reason for returning: {text}', { text: step.opinion }) : step.opinion));
  return lines;
}

function resultBadge(step: ControlSheetRow): HTMLElement {
  const t = i18n.t;
  if (step.outcome === 'returned') return h('span', { className: 'od-badge od-badge-returned' }, t('Returned'));
  if (step.result) return h('span', { className: `od-badge od-result-${step.result}` }, t(RESULT[step.result]));
  if (!step.completedAt) return h('span', { className: 'od-badge od-badge-open' }, t('In progress'));
  return h('span', { className: 'od-muted' }, '—');
}
