import { authSession, SESSION_ENDED_EVENT, type SessionTokens } from './auth-session.js';

/** Calls whose 401 means "wrong password" or "start again", never "renew the session". */
const SIGN_IN_CALLS = /\/api\/auth\/(login|mfa|refresh|oidc)(\/|$|\?)/;

let renewing: Promise<string | null> | undefined;

/**
 * `fetch` with the session's bearer token — the one way every page reaches `/api`. The access
 * token lives 15 minutes: when the engine answers 401, the refresh token is exchanged for a new
 * pair once and the call is sent again. Concurrent calls that fail together wait for that one
 * renewal (a refresh token works once: a second exchange would look like theft and end the
 * session). When the engine refuses to renew — the user was disabled, signed out everywhere,
 * or the session expired — the session is cleared here, `onedoor:session-ended` is announced,
 * and the caller gets the 401 to show its login.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const sent = authSession.token;
  const response = await fetch(url, withBearer(init, sent));
  if (response.status !== 401 || !sent || SIGN_IN_CALLS.test(url)) return response;
  const renewed = await renewSession(sent);
  if (!renewed) return response;
  return fetch(url, withBearer(init, renewed));
}

/**
 * A valid access token to use instead of `failedToken`, or null when the session has ended.
 * Single-flight within the page, and across the tabs of the browser through a Web Lock where the
 * browser has them: whoever waited finds the token another call or tab already renewed.
 */
export function renewSession(failedToken: string): Promise<string | null> {
  const current = authSession.token;
  if (current && current !== failedToken) return Promise.resolve(current);
  renewing ??= acrossTabs(() => exchange(failedToken)).finally(() => (renewing = undefined));
  return renewing;
}

async function exchange(failedToken: string): Promise<string | null> {
  const current = authSession.token;
  if (current && current !== failedToken) return current; // another tab renewed while this one waited
  // Signed out meanwhile (a call of the old session answered after the logout): that session is
  // over already, and announcing its end again could end the one signed in since.
  if (!current) return null;
  const refreshToken = authSession.refreshToken;
  if (!refreshToken) {
    endSession();
    return null;
  }
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
  } catch {
    return null; // offline: the caller reports its own failure; the session may still be good
  }
  if (response.ok) {
    const tokens = (await response.json()) as SessionTokens;
    authSession.saveTokens(tokens);
    return tokens.accessToken;
  }
  // Refused: the session ends — unless another sign-in replaced it while the refresh was out.
  if ((response.status === 400 || response.status === 401) && authSession.refreshToken === refreshToken) endSession();
  return null;
}

function endSession(): void {
  authSession.clear();
  globalThis.dispatchEvent?.(new Event(SESSION_ENDED_EVENT));
}

function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('onedoor-session-renewal', work) : work();
}

function withBearer(init: RequestInit, token: string | null): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  else headers.delete('Authorization');
  return { ...init, headers };
}
