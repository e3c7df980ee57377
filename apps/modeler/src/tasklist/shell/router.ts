import type { InboxFilter } from '@onedoor/contract';

/** Where the app is, kept in the URL hash so reload, the back button and copied links work. */
export type Route =
  | { view: 'inbox'; filter: InboxFilter }
  | { view: 'waiting' }
  | { view: 'task'; taskId: string }
  | { view: 'receive' }
  | { view: 'dossiers'; query: Record<string, string> }
  | { view: 'dossier'; code: string; action?: string }
  | { view: 'book'; query: Record<string, string> }
  | { view: 'print'; code: string; form: string; query: Record<string, string> }
  | { view: 'account' }
  | { view: 'admin'; section: AdminSection; query: Record<string, string> };

/** The administrator's pages (issue #25): people and the organisation they work in. */
export type AdminSection = 'users' | 'departments';

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const [, view, arg, arg2] = path.split('/');
  const query = Object.fromEntries(new URLSearchParams(search));
  if (view === 'task' && arg) return { view: 'task', taskId: decodeURIComponent(arg) };
  if (view === 'receive') return { view: 'receive' };
  if (view === 'waiting') return { view: 'waiting' };
  if (view === 'dossiers') return { view: 'dossiers', query };
  if (view === 'dossier' && arg) return { view: 'dossier', code: decodeURIComponent(arg), ...(query.action ? { action: query.action } : {}) };
  if (view === 'book') return { view: 'book', query };
  if (view === 'print' && arg && arg2) return { view: 'print', code: decodeURIComponent(arg), form: decodeURIComponent(arg2), query };
  if (view === 'account') return { view: 'account' };
  if (view === 'admin') return { view: 'admin', section: arg === 'departments' ? 'departments' : 'users', query };
  if (view === 'inbox' && (arg === 'candidate' || arg === 'overdue' || arg === 'mine')) return { view: 'inbox', filter: arg };
  return { view: 'inbox', filter: 'mine' };
}

export function routeHash(route: Route): string {
  const withQuery = (path: string, query: Record<string, string>) => {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
    return search ? `${path}?${search}` : path;
  };
  switch (route.view) {
    case 'inbox':
      return `#/inbox/${route.filter}`;
    case 'task':
      return `#/task/${encodeURIComponent(route.taskId)}`;
    case 'dossier':
      return withQuery(`#/dossier/${encodeURIComponent(route.code)}`, route.action ? { action: route.action } : {});
    case 'dossiers':
    case 'book':
      return withQuery(`#/${route.view}`, route.query);
    case 'print':
      return withQuery(`#/print/${encodeURIComponent(route.code)}/${encodeURIComponent(route.form)}`, route.query);
    case 'admin':
      return withQuery(`#/admin/${route.section}`, route.query);
    default:
      return `#/${route.view}`;
  }
}

/** The app's own address of a printable form: it logs in first if needed, never a raw 401. */
export function printHref(code: string, form: string, query: Record<string, string> = {}): string {
  return `/${routeHash({ view: 'print', code, form, query })}`;
}
