import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a verified token says about its bearer. */
export interface TokenClaims {
  sub: string;
  username: string;
  fullName: string;
  departmentCode: string | null;
  roles: string[];
  iat: number;
  exp: number;
  /** The token's own id: what logout revokes. */
  jti?: string;
  /** The user's token generation when issued: tokens of older generations are void (token-revocations.ts). */
  gen?: number;
  /** The session (refresh-token family) it belongs to: logout ends it. */
  sid?: string;
  /** A token for one step of signing in (the second factor), never for the API. */
  purpose?: 'mfa';
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Signed bearer tokens (JWT, HS256). Stateless so every engine node can verify a request without
 * a database round trip on the hot path; the signing key lives in the shared database, so all
 * nodes agree on it. Tokens last one working day.
 */
export class AccessTokens {
  /**
   * Tokens whose signature this node already checked: an officer sends the same token with every
   * request of the day, and the HMAC was a visible share of a request's cost. Keyed by the whole
   * token, so only the exact bytes that were verified hit; expiry is still checked every time.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly key: Buffer,
    readonly lifetimeSeconds = 10 * 3600,
  ) {}

  issue(claims: Omit<TokenClaims, 'iat' | 'exp' | 'jti'>, now = Date.now(), lifetimeSeconds = this.lifetimeSeconds): string {
    const iat = Math.floor(now / 1000);
    const body = { ...claims, iat, exp: iat + lifetimeSeconds, jti: randomUUID() };
    const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(body))}`;
    return `${head}.${this.sign(head)}`;
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  verify(token: string, now = Date.now()): TokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) return known.exp * 1000 > now ? known : undefined;
    const claims = this.check(token, now);
    if (claims) {
      if (this.verified.size >= 10_000) this.verified.clear();
      // Shared by every request that carries the token: nobody may change it.
      Object.freeze(claims.roles);
      this.verified.set(token, Object.freeze(claims));
    }
    return claims;
  }

  private check(token: string, now: number): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString()) as { alg?: string };
      if (header.alg !== 'HS256') return undefined;
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as TokenClaims;
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
