import { ApiError, type ApiErrorBody } from './api-error.js';
import { authSession, type SessionTokens, type SessionUser } from './auth-session.js';
import { authorizedFetch } from './authorized-fetch.js';

export interface LoginResponse extends SessionTokens {
  user: SessionUser;
}

/** The first step's answer for an account with an authenticator: the code is asked next. */
export interface SecondFactorRequired {
  mfaRequired: true;
  mfaToken: string;
}

/**
 * `fetch` against the engine's `/api` on the same origin, with the session's bearer token
 * renewed when it expires (authorized-fetch.ts). Every failure becomes an ApiError carrying the
 * docs/api.md error body, so callers can show `message` and field-level `details` without parsing
 * responses themselves.
 */
export class ApiClient {
  constructor(private readonly baseUrl = '') {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** The password step; an account with an authenticator answers with the code step instead of a session. */
  async login(username: string, password: string): Promise<LoginResponse | SecondFactorRequired> {
    const response = await this.post<LoginResponse | SecondFactorRequired>('/api/auth/login', { username, password });
    if (!('mfaRequired' in response)) authSession.save(response, response.user);
    return response;
  }

  /** The authenticator's 6-digit code, with the token the password step gave. */
  async secondFactor(mfaToken: string, code: string): Promise<LoginResponse> {
    const response = await this.post<LoginResponse>('/api/auth/mfa', { mfaToken, code });
    authSession.save(response, response.user);
    return response;
  }

  /** The one-time ticket single sign-on brought back, exchanged for a session. */
  async redeemTicket(ticket: string): Promise<LoginResponse> {
    const response = await this.post<LoginResponse>('/api/auth/oidc/ticket', { ticket });
    authSession.save(response, response.user);
    return response;
  }

  /** A GET whose answer is a page of a longer list: the items, and the X-Total-Count header. */
  async getPage<T>(path: string): Promise<{ items: T[]; total: number }> {
    let total = 0;
    const items = await this.request<T[]>('GET', path, undefined, (response) => {
      total = Number(response.headers.get('X-Total-Count') ?? 0);
    });
    return { items, total: total || items.length };
  }

  async request<T>(method: string, path: string, body?: unknown, onResponse?: (response: Response) => void): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await authorizedFetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, { message: (error as Error).message || 'Network error' });
    }

    onResponse?.(response);
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const errorBody: ApiErrorBody =
        parsed && typeof parsed === 'object' ? (parsed as ApiErrorBody) : { message: text || response.statusText };
      throw new ApiError(response.status, { statusCode: response.status, ...errorBody });
    }
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
