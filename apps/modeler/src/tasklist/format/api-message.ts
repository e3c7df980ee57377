import { ApiError } from '../../shared/api-error.js';
import { i18n } from '../../shared/i18n.js';

/** Full names for the usernames the engine's messages carry (set once the directory loads). */
let nameOf: (username: string) => string = (username) => username;
export function useNames(resolve: (username: string) => string): void {
  nameOf = resolve;
}

/**
 * Turns an engine error into a sentence an officer can act on. The engine speaks English
 * (`task … is already completed`, `this task is claimed by …`); the officer needs to know what
 * happened and what to do next, in Vietnamese.
 */
export function describeApiError(error: unknown): string {
  const t = i18n.t;
  if (!(error instanceof ApiError)) return t('Unexpected error: {message}', { message: String((error as Error)?.message ?? error) });
  const message = error.message;
  switch (error.status) {
    case 0:
      return t('Cannot reach the server.');
    case 401:
      return t('Your session has ended. Please log in again.');
    case 403: {
      const claimedBy = /claimed by ([\w.-]+)/.exec(message)?.[1];
      if (claimedBy) return t('This task is being handled by {user}.', { user: nameOf(claimedBy) });
      if (/needs one of the roles/.test(message)) return t('Your account is not allowed to do this.');
      if (/belongs to/.test(message)) return t('This task belongs to another department or role.');
      if (/only the leader/.test(message)) return t('Only the leader of the task’s department can assign it.');
      return t('You are not allowed to do this: {message}', { message });
    }
    case 404:
      return t('Not found: it may have been completed or moved to another step.');
    case 409:
      if (/already (completed|returned|closed)/.test(message)) return t('Someone else completed this task in the meantime. The list has been refreshed.');
      if (/claimed by/.test(message)) return t('{user} claimed this task first.', { user: nameOf(/claimed by ([\w.-]+)/.exec(message)?.[1] ?? '?') });
      if (/waits for the applicant/.test(message)) return t('The dossier is waiting for the applicant’s supplement: record its arrival first.');
      if (/first step/.test(message)) return t('This is the first step: there is no previous step to return the dossier to.');
      if (/already waits for a supplement/.test(message)) return t('A supplement has already been requested for this dossier.');
      if (/not waiting for a supplement/.test(message)) return t('This dossier is not waiting for a supplement.');
      return t('Conflict: {message}', { message });
    case 422:
      return t('The procedure cannot continue: {message}', { message });
    case 400:
      return t('Some data is not valid: {message}', { message });
    case 429:
      return t('Too many attempts. Please wait a few minutes.');
    default:
      return t('The server could not do this ({status}): {message}', { status: error.status, message });
  }
}

/** Conflicts and "not found" mean the task moved on without us: the view should reload. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 409 || error.status === 404);
}
