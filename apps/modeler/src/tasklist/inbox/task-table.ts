import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import type { Task } from '@onedoor/contract';
import { formatDateTime } from '../../shared/date-time.js';
import { dueState } from '../format/due-state.js';
import type { Directory } from '../shell/directory.js';
import { routeHash } from '../shell/router.js';

export interface TaskTableOptions {
  tasks: Task[];
  directory: Directory;
  now: Date;
  soonLimit: Date | null;
  me: string;
}

/** The inbox rows, already sorted by due time by the engine; colour says how urgent. */
export function createTaskTable({ tasks, directory, now, soonLimit, me }: TaskTableOptions): HTMLTableElement {
  const t = i18n.t;
  const dueLabel: Record<string, string> = { overdue: t('Overdue'), soon: t('Due soon') };
  return h(
    'table',
    { className: 'od-table od-task-table' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, t('Step')), h('th', {}, t('Dossier')), h('th', {}, t('Procedure')), h('th', {}, t('Department')), h('th', {}, t('Due')), h('th', {}, t('Assignee'))),
    ),
    h(
      'tbody',
      {},
      tasks.map((task) => {
        const state = dueState(task, now, soonLimit);
        return h(
          'tr',
          { className: `od-due-${state}`, 'data-task-id': task.id, 'data-due-state': state, 'data-dossier-code': task.dossierCode ?? undefined },
          h('td', {}, h('a', { className: 'od-task-link', href: routeHash({ view: 'task', taskId: task.id }) }, task.name || task.elementId)),
          h('td', { className: 'od-mono od-nowrap' }, task.dossierCode ?? task.businessKey ?? ''),
          procedureCell(task, directory),
          h('td', {}, directory.departmentName(task.departmentCode)),
          h(
            'td',
            { className: 'od-due-cell' },
            formatDateTime(task.dueAt) || '—',
            dueLabel[state] ? h('span', { className: `od-badge od-badge-${state}` }, dueLabel[state]) : null,
          ),
          h('td', {}, task.assignee ? (task.assignee === me ? h('strong', {}, t('Me')) : directory.personName(task.assignee)) : h('span', { className: 'od-muted' }, t('Not claimed'))),
        );
      }),
    ),
  );
}

/** Names are long ("Quyết định công nhận cơ sở…"): the code first, the full name on hover. */
function procedureCell(task: Task, directory: Directory): HTMLElement {
  const name = directory.procedureName(task.definitionId, task.definitionKey);
  const code = directory.procedureCode(task.definitionId);
  return h('td', { className: 'od-procedure-cell', title: name }, code ? h('strong', {}, `${code} `) : null, name);
}
