/** The logged-in user as `POST /api/auth/login` returns it. */
export interface SessionUser {
  id: string;
  username: string;
  fullName?: string;
  departmentCode?: string;
  roles: string[];
}

/** What the engine answers when it opens or renews a session. */
export interface SessionTokens {
  accessToken: string;
  /** Exchanged once at POST /api/auth/refresh for a new pair; absent from sessions of older engines. */
  refreshToken?: string;
  expiresIn?: number;
}

export const TOKEN_STORAGE_KEY = 'onedoor.token';
export const REFRESH_TOKEN_STORAGE_KEY = 'onedoor.refresh';
const USER_STORAGE_KEY = 'onedoor.user';

/** Announced on `window` when the session ends without the user asking (the engine refused to renew it). */
export const SESSION_ENDED_EVENT = 'onedoor:session-ended';

/**
 * The session lives in localStorage — the access token under `onedoor.token`, the refresh token
 * under `onedoor.refresh` — so every page and tab of the app (modeler, task list) shares one login.
 */
export const authSession = {
  get token(): string | null {
    return safeStorage()?.getItem(TOKEN_STORAGE_KEY) ?? null;
  },

  get refreshToken(): string | null {
    return safeStorage()?.getItem(REFRESH_TOKEN_STORAGE_KEY) ?? null;
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

  save(tokens: SessionTokens, user: SessionUser): void {
    this.saveTokens(tokens);
    safeStorage()?.setItem(USER_STORAGE_KEY, JSON.stringify(user));
  },

  /** A renewed pair for the same user (refresh, own password changed, other sessions ended). */
  saveTokens(tokens: SessionTokens): void {
    safeStorage()?.setItem(TOKEN_STORAGE_KEY, tokens.accessToken);
    if (tokens.refreshToken) safeStorage()?.setItem(REFRESH_TOKEN_STORAGE_KEY, tokens.refreshToken);
    else safeStorage()?.removeItem(REFRESH_TOKEN_STORAGE_KEY);
  },

  clear(): void {
    safeStorage()?.removeItem(TOKEN_STORAGE_KEY);
    safeStorage()?.removeItem(REFRESH_TOKEN_STORAGE_KEY);
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
