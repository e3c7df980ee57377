import type { InboxFilter } from '../api/tasklist-types.js';

/** Where the task list is, kept in the URL hash so reload and the back button work. */
export type Route =
  | { view: 'inbox'; filter: InboxFilter }
  | { view: 'waiting' }
  | { view: 'task'; taskId: string }
  | { view: 'receive' };

export function parseRoute(hash: string): Route {
  const [, view, arg] = hash.replace(/^#/, '').split('/');
  if (view === 'task' && arg) return { view: 'task', taskId: decodeURIComponent(arg) };
  if (view === 'receive') return { view: 'receive' };
  if (view === 'waiting') return { view: 'waiting' };
  if (view === 'inbox' && (arg === 'candidate' || arg === 'overdue' || arg === 'mine')) return { view: 'inbox', filter: arg };
  return { view: 'inbox', filter: 'mine' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'inbox':
      return `#/inbox/${route.filter}`;
    case 'task':
      return `#/task/${encodeURIComponent(route.taskId)}`;
    default:
      return `#/${route.view}`;
  }
}
