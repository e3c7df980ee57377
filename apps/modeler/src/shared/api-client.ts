import { ApiError, type ApiErrorBody } from './api-error.js';
import { authSession, type SessionUser } from './auth-session.js';

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/**
 * `fetch` against the engine's `/api` on the same origin, with the stored bearer token.
 * Every failure becomes an ApiError carrying the docs/api.md error body, so callers can show
 * `message` and element-level `details` without parsing responses themselves.
 */
export class ApiClient {
  constructor(private readonly baseUrl = '') {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const response = await this.post<LoginResponse>('/api/auth/login', { username, password });
    authSession.save(response.accessToken, response.user);
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
    const token = authSession.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
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
