import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../audit-log.js';
import type { Database } from '../database.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import type { AccessTokens, TokenClaims } from '../../identity/access-token.js';
import type { TokenRevocations } from './token-revocations.js';

export interface SessionOptions {
  /** Lifetime of an access token: short, since a node checks it without the database. Default 15 min. */
  accessTokenSeconds?: number;
  /** How long a session lives without being refreshed. Default 12 h (a working day and then some). */
  refreshTokenSeconds?: number;
  now?: () => Date;
}

/** Who a session is for: what goes into its access tokens. */
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
}

/** An open session as its owner sees it on the account page. */
export interface OpenSession {
  id: string;
  /** The browser it was opened from (its user agent, shortened). */
  client: string | null;
  startedAt: Date;
  /** When its access token was last renewed: roughly when it was last used. */
  lastRenewedAt: Date;
  /** The session this request comes from. */
  current: boolean;
}

export interface SessionTokens {
  accessToken: string;
  /** Exchanged at POST /api/auth/refresh for a new pair; works once. */
  refreshToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

/**
 * Sessions: a short-lived access token (checked by every node without the database) and a
 * refresh token stored as a hash, rotated on every use. A refresh token presented a second time
 * means someone else holds a copy: its whole family (the session) ends at once. Ending a
 * session, all of a user's sessions, or disabling the user refuses the refresh tokens at once
 * (they are checked in the database) and the access tokens on every node within milliseconds
 * (token-revocations.ts).
 */
export class Sessions {
  private readonly accessSeconds: number;
  private readonly refreshSeconds: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
    private readonly revocations: TokenRevocations,
    options: SessionOptions = {},
  ) {
    this.accessSeconds = options.accessTokenSeconds ?? 15 * 60;
    this.refreshSeconds = options.refreshTokenSeconds ?? 12 * 3600;
    this.now = options.now ?? (() => new Date());
  }

  /** A new session after a successful sign-in. */
  async open(user: SessionUser, generation: number, client: string | null): Promise<SessionTokens> {
    return this.issue(user, generation, randomUUID(), client);
  }

  /** Exchanges a refresh token for a new pair; the old one is spent. */
  async refresh(refreshToken: string, client: string | null): Promise<SessionTokens> {
    const now = this.now();
    const [spent] = await this.db.query<{ family_id: string; username: string }>(
      `UPDATE refresh_token SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        RETURNING family_id, username`,
      [hash(refreshToken), now],
    );
    if (!spent) {
      const [known] = await this.db.query<{ family_id: string; username: string; used_at: Date | null }>(
        `SELECT family_id, username, used_at FROM refresh_token WHERE token_hash = $1`,
        [hash(refreshToken)],
      );
      if (known?.used_at) {
        // Used before: a copy is in someone else's hands. End the session for both.
        await this.endFamily(known.family_id);
        await appendAudit(this.db, { at: now, username: known.username, operation: 'refresh-token-reused', entityType: 'session', entityId: known.family_id, details: { client } });
      }
      throw unauthenticated('this session has ended; sign in again');
    }
    const [user] = await this.db.query<SessionUser & { active: boolean; generation: number }>(
      `SELECT id, username, full_name AS "fullName", department_code AS "departmentCode", roles, active, token_generation AS generation FROM app_user WHERE username = $1`,
      [spent.username],
    );
    if (!user?.active) {
      await this.endFamily(spent.family_id);
      throw unauthenticated('this account is disabled');
    }
    const { active: _active, generation, ...identity } = user;
    return this.issue(identity, generation, spent.family_id, client);
  }

  /** Logout: the session's refresh tokens and this access token stop working everywhere. */
  async close(claims: TokenClaims): Promise<void> {
    if (claims.sid) await this.endFamily(claims.sid);
    await this.revocations.revoke(claims);
  }

  /** The user's sessions that can still be renewed, newest first. */
  async listOpen(username: string, currentSessionId?: string): Promise<OpenSession[]> {
    const rows = await this.db.query<{ family_id: string; client: string | null; started_at: Date; renewed_at: Date }>(
      `SELECT f.family_id, f.started_at, live.issued_at AS renewed_at, live.client
         FROM (SELECT family_id, min(issued_at) AS started_at FROM refresh_token WHERE username = $1 GROUP BY family_id) f
         JOIN refresh_token live ON live.family_id = f.family_id
        WHERE live.used_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $2
        ORDER BY live.issued_at DESC`,
      [username, this.now()],
    );
    return rows.map((r) => ({ id: r.family_id, client: r.client, startedAt: new Date(r.started_at), lastRenewedAt: new Date(r.renewed_at), current: r.family_id === currentSessionId }));
  }

  /** Every session of the user ends: refresh tokens at once, access tokens on every node within milliseconds. */
  async endAll(username: string): Promise<boolean> {
    await this.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE username = $1 AND revoked_at IS NULL`, [username]);
    return (await this.revocations.endSessions(username)) > 0;
  }

  private async endFamily(familyId: string): Promise<void> {
    await this.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  private async issue(user: SessionUser, generation: number, familyId: string, client: string | null): Promise<SessionTokens> {
    const now = this.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO refresh_token (id, family_id, username, token_hash, issued_at, expires_at, client) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), familyId, user.username, hash(refreshToken), now, new Date(now.getTime() + this.refreshSeconds * 1000), client?.slice(0, 300) ?? null],
    );
    const accessToken = this.tokens.issue(
      { sub: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles, gen: generation, sid: familyId },
      now.getTime(),
      this.accessSeconds,
    );
    return { accessToken, refreshToken, expiresIn: this.accessSeconds };
  }

  /** Refresh tokens past their expiry are of no use (the job executor's housekeeping). */
  static async forgetExpired(db: Database): Promise<number> {
    return (await db.query(`DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day' RETURNING 1`)).length;
  }
}
