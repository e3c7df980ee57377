import type { ApiClient } from '../../shared/api-client.js';
import { authSession, type SessionTokens } from '../../shared/auth-session.js';

export interface OpenSession {
  id: string;
  client: string | null;
  startedAt: string;
  lastRenewedAt: string;
  current: boolean;
}

export interface Account {
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  /** Signs in through the agency's identity provider: no password to change here. */
  external: boolean;
  totpEnabled: boolean;
  sessions: OpenSession[];
}

/**
 * The calls of the account page (API.md: /api/auth). Changing the password and ending the other
 * sessions end every token of the user; the answer is this browser's new session, kept at once.
 */
export class AccountApi {
  constructor(private readonly api: ApiClient) {}

  account(): Promise<Account> {
    return this.api.get('/api/auth/account');
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    authSession.saveTokens(await this.api.post<SessionTokens>('/api/auth/password', { currentPassword, newPassword }));
  }

  async endOtherSessions(): Promise<void> {
    authSession.saveTokens(await this.api.post<SessionTokens>('/api/auth/sessions/end-others'));
  }

  setUpAuthenticator(): Promise<{ secret: string; otpauthUri: string }> {
    return this.api.post('/api/auth/totp/setup');
  }

  confirmAuthenticator(code: string): Promise<void> {
    return this.api.post('/api/auth/totp/enable', { code });
  }

  turnOffAuthenticator(code: string): Promise<void> {
    return this.api.post('/api/auth/totp/disable', { code });
  }
}
