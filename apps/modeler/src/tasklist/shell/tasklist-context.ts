import type { SessionUser } from '../../shared/auth-session.js';
import type { TasklistApi } from '../api/tasklist-api.js';
import type { Directory } from './directory.js';
import type { Route } from './router.js';

export type FlashKind = 'success' | 'error' | 'info';

/** What every view of the task list is given: no globals, so a view can be built in isolation. */
export interface TasklistContext {
  api: TasklistApi;
  user: SessionUser;
  directory: Directory;
  navigate(route: Route): void;
  /** Back to the inbox tab the user came from, reloaded. */
  backToList(): void;
  /** A message at the top of the page that survives the next navigation. */
  flash(message: string, kind?: FlashKind): void;
  /** Handles what every view must handle the same way (an expired login); true when it did. */
  handleCommonError(error: unknown): boolean;
}

export const hasRole = (user: SessionUser, ...roles: string[]) => roles.some((role) => user.roles.includes(role));
