import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Database } from '../persistence/database.js';
import { DomainError, ErrorCode } from '../shared/domain-error.js';
import type { AuthenticatedUser, Organisation } from '../persistence/identity/organisation.js';
import { OidcLoginStore } from '../persistence/identity/oidc-login-store.js';

/** The agency's identity provider (Keycloak and the like), from the ONEDOOR_OIDC_* settings. */
export interface SingleSignOnConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** Where the provider sends the browser back: `<public address>/api/auth/oidc/callback`. */
  redirectUri: string;
  /** The button's words on the sign-in page. */
  label: string;
  scopes: string;
  /** Claim paths (dots for nesting, e.g. Keycloak's `realm_access.roles`). */
  usernameClaim: string;
  nameClaim: string;
  departmentClaim: string;
  rolesClaim: string;
  /** Only for a provider on this machine or a test network: plain http allowed. */
  allowHttp: boolean;
}

/** A sign-in at the provider lasts at most this long; a ticket back to the app, one minute. */
const LOGIN_TTL_MS = 10 * 60_000;
const TICKET_TTL_MS = 60_000;

/**
 * Single sign-on with OpenID Connect, authorization code flow with PKCE (openid-client does the
 * protocol: discovery, the code exchange, the ID token's signature, issuer, audience, nonce and
 * expiry). The state, nonce and code verifier wait in PostgreSQL, so the provider may send the
 * browser back to any node. The provider's claims say who the officer is, which department and
 * which roles; the local account follows them at every sign-in. The browser then gets a ticket
 * it exchanges once, within a minute, for a session — never a token in an address bar.
 */
export class SingleSignOn {
  private configuration?: Promise<oidc.Configuration>;
  private readonly logins: OidcLoginStore;

  constructor(
    readonly config: SingleSignOnConfig,
    db: Database,
    private readonly organisation: Organisation,
  ) {
    this.logins = new OidcLoginStore(db);
  }

  /** Where to send the browser to sign in at the provider. */
  async begin(returnTo: string | undefined): Promise<URL> {
    const configuration = await this.discover();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    await this.logins.begin({ state, nonce, verifier, returnTo: safeReturnTo(returnTo) }, LOGIN_TTL_MS);
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * The provider sent the browser back: exchange the code, check the ID token, bring the local
   * account in line with the claims, and leave a one-time ticket for the app.
   */
  async complete(callbackUrl: URL): Promise<{ ticket: string; returnTo: string | null }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const login = await this.logins.take(state, LOGIN_TTL_MS);
    if (!login) throw refused('this sign-in has expired or was already used; start again');
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw refused(`the identity provider refused: ${callbackUrl.searchParams.get('error_description') ?? providerError}`);
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.discover();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: login.code_verifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
      claims = { ...(tokens.claims() ?? {}) };
      // Providers that keep profile claims out of the ID token serve them at the userinfo endpoint.
      const missing = [this.config.usernameClaim, this.config.departmentClaim, this.config.rolesClaim].some((path) => claim(claims, path) === undefined);
      if (missing && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))), ...claims };
      }
    } catch (error) {
      throw refused(`the identity provider's answer could not be verified: ${(error as Error).message}`);
    }
    const user = await this.account(claims);
    const ticket = randomBytes(32).toString('base64url');
    await this.logins.issueTicket(ticket, user.username);
    return { ticket, returnTo: login.return_to };
  }

  /** The account a ticket stands for; the ticket is spent. */
  async redeem(ticket: string): Promise<AuthenticatedUser> {
    const row = await this.logins.redeemTicket(ticket, TICKET_TTL_MS);
    const user = row && (await this.organisation.authenticatedUser(row.ticket_username));
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'this sign-in ticket has expired or was already used; sign in again');
    return user;
  }

  /** Who the claims say this is, as a local account: created the first time, kept in line after. */
  private async account(claims: Record<string, unknown>): Promise<AuthenticatedUser> {
    const subject = String(claims.sub ?? '');
    const username = String(claim(claims, this.config.usernameClaim) ?? '').toLowerCase();
    if (!subject || !/^[a-z0-9_.@-]{2,100}$/.test(username)) throw refused(`the identity provider gave no usable ${this.config.usernameClaim}`);
    const departmentCode = claim(claims, this.config.departmentClaim);
    const rawRoles = claim(claims, this.config.rolesClaim);
    const roles = (Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[ ,]+/) : []).map(String).filter((r) => /^[a-z_]{2,30}$/.test(r));
    const existing = await this.organisation.userOrUndefined(username);
    if (existing && !existing.external) throw refused(`a local account named ${username} already exists; an administrator must rename or remove it first`);
    if (existing && !existing.active) throw refused('this account is disabled in OneDoor');
    try {
      return await this.organisation.provisionExternal({
        subject: `${this.config.issuer}#${subject}`,
        username,
        fullName: String(claim(claims, this.config.nameClaim) ?? username),
        departmentCode: typeof departmentCode === 'string' && departmentCode ? departmentCode : null,
        roles: roles.length ? roles : ['officer'],
      });
    } catch (error) {
      if (error instanceof DomainError && error.details?.[0]?.field === 'departmentCode') throw refused(`the identity provider names department ${String(departmentCode)}, which OneDoor does not know`);
      throw error;
    }
  }

  private discover(): Promise<oidc.Configuration> {
    // Discovered once, when first needed; a provider that was down is asked again next time.
    this.configuration ??= oidc
      .discovery(new URL(this.config.issuer), this.config.clientId, undefined, this.config.clientSecret ? oidc.ClientSecretPost(this.config.clientSecret) : oidc.None(), this.config.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: Error) => {
        this.configuration = undefined;
        throw new DomainError(ErrorCode.Unavailable, `the identity provider at ${this.config.issuer} does not answer (${error.message}); try again shortly`, [{ field: 'retryAfter', message: '30' }]);
      });
    return this.configuration;
  }
}

const refused = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

/** A claim by path: `roles`, `realm_access.roles`. */
function claim(claims: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** Only a path of this app: never an address elsewhere (an open redirect). */
function safeReturnTo(returnTo: string | undefined): string | null {
  return returnTo && /^\/(?!\/)[^\s\\]*$/.test(returnTo) ? returnTo.slice(0, 500) : null;
}
