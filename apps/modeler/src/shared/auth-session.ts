/** The logged-in user as `POST /api/auth/login` returns it. */
export interface SessionUser {
  id: string;
  username: string;
  fullName?: string;
  departmentCode?: string;
  roles: string[];
}

export const TOKEN_STORAGE_KEY = 'onedoor.token';
const USER_STORAGE_KEY = 'onedoor.user';

/**
 * The bearer token lives in localStorage under `onedoor.token` so every page of the app
 * (modeler, task list) shares one login.
 */
export const authSession = {
  get token(): string | null {
    return safeStorage()?.getItem(TOKEN_STORAGE_KEY) ?? null;
  },

  get user(): SessionUser | null {
    const raw = safeStorage()?.getItem(USER_STORAGE_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },

  save(accessToken: string, user: SessionUser): void {
    safeStorage()?.setItem(TOKEN_STORAGE_KEY, accessToken);
    safeStorage()?.setItem(USER_STORAGE_KEY, JSON.stringify(user));
  },

  clear(): void {
    safeStorage()?.removeItem(TOKEN_STORAGE_KEY);
    safeStorage()?.removeItem(USER_STORAGE_KEY);
  },
};

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
