import type { Database } from '../database.js';

/**
 * Sign-ins in flight with the identity provider (state, nonce, PKCE verifier), and the one-use
 * tickets the callback hands the browser. Rows expire; taking one deletes it, so each is used once.
 */
export class OidcLoginStore {
  constructor(private readonly db: Pick<Database, 'query'>) {}

  async begin(login: { state: string; nonce: string; verifier: string; returnTo: string | null }, ttlMs: number): Promise<void> {
    await this.db.query(`DELETE FROM oidc_login WHERE created_at < now() - make_interval(secs => $1)`, [ttlMs / 1000]);
    await this.db.query(`INSERT INTO oidc_login (state, nonce, code_verifier, return_to) VALUES ($1, $2, $3, $4)`, [login.state, login.nonce, login.verifier, login.returnTo]);
  }

  async take(state: string, ttlMs: number): Promise<{ nonce: string; code_verifier: string; return_to: string | null } | undefined> {
    const [login] = await this.db.query<{ nonce: string; code_verifier: string; return_to: string | null }>(
      `DELETE FROM oidc_login WHERE state = $1 AND ticket IS NULL AND created_at > now() - make_interval(secs => $2) RETURNING nonce, code_verifier, return_to`,
      [state, ttlMs / 1000],
    );
    return login;
  }

  async issueTicket(ticket: string, username: string): Promise<void> {
    await this.db.query(`INSERT INTO oidc_login (state, nonce, code_verifier, ticket, ticket_username) VALUES ($1, '', '', $2, $3)`, [`ticket:${ticket}`, ticket, username]);
  }

  async redeemTicket(ticket: string, ttlMs: number): Promise<{ ticket_username: string } | undefined> {
    const [row] = await this.db.query<{ ticket_username: string }>(
      `DELETE FROM oidc_login WHERE ticket = $1 AND created_at > now() - make_interval(secs => $2) RETURNING ticket_username`,
      [ticket, ttlMs / 1000],
    );
    return row;
  }
}
