import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AccountDoc, ActorDoc, LoginResponseDoc, MfaRequiredDoc, SessionTokensDoc, TotpSetupDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../../commands/command.js';
import { AccessTokens, type TokenClaims } from '../../identity/access-token.js';
import { LoginThrottle } from '../../persistence/identity/login-throttle.js';
import { Organisation, type AuthenticatedUser } from '../../persistence/identity/organisation.js';
import { assertPasswordAllowed } from '../../identity/password-policy.js';
import { Sessions } from '../../persistence/identity/sessions.js';
import { newTotpSecret, totpUri, verifyTotp } from '../../identity/totp.js';
import { appendAudit } from '../../persistence/audit-log.js';
import { Engine } from '../../engine.js';
import { badInput, conflict, DomainError, ErrorCode } from '../../shared/domain-error.js';
import { CurrentActor } from './current-actor.decorator.js';
import { Public } from './public.decorator.js';

export class LoginDto {
  @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class SecondFactorDto {
  @IsString() @MinLength(1) @MaxLength(2000) mfaToken!: string;
  @IsString() @Matches(/^\d{6}$/, { message: 'code is the 6 digits the authenticator app shows' }) code!: string;
}

export class RefreshDto {
  @IsString() @MinLength(20) @MaxLength(200) refreshToken!: string;
}

export class PasswordChangeDto {
  @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @IsString() @MinLength(1) @MaxLength(200) newPassword!: string;
}

export class TotpCodeDto {
  @IsString() @Matches(/^\d{6}$/, { message: 'code is the 6 digits the authenticator app shows' }) code!: string;
}

interface HttpRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  token: TokenClaims;
}

/** A step-two token lives five minutes: long enough to open an authenticator app. */
const MFA_TOKEN_SECONDS = 300;

/**
 * Signing in and the session: password (with throttling that can't lock the owner out), an
 * optional second factor, refresh, logout, the user's own password and authenticator. Every
 * refusal is in the audit log.
 */
@ApiTags('identity')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly engine: Engine,
    private readonly organisation: Organisation,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
  ) {}

  @Public()
  @Post('login')
  @ApiOkResponse({ description: 'A session (tokens and who it is), or, for an account with an authenticator, the step asking for its code', schema: { oneOf: [{ $ref: getSchemaPath(LoginResponseDoc) }, { $ref: getSchemaPath(MfaRequiredDoc) }] } })
  @ApiExtraModels(LoginResponseDoc, MfaRequiredDoc)
  @ApiErrors(400, 401, 429)
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: HttpRequest) {
    const username = body.username.toLowerCase();
    const address = request.ip ?? 'unknown';
    await this.holdBack(username, address);
    const user = await this.organisation.authenticate(username, body.password);
    if (!user) {
      await this.throttle.failed(username, address);
      await this.audit(username, 'login-failed', { address });
      throw new DomainError(ErrorCode.Unauthenticated, 'wrong username or password');
    }
    await this.throttle.succeeded(username, address);
    if (user.totpEnabled) {
      const mfaToken = this.tokens.issue({ sub: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: [], purpose: 'mfa' }, Date.now(), MFA_TOKEN_SECONDS);
      return { mfaRequired: true, mfaToken };
    }
    return this.signedIn(user, request);
  }

  /** Step two for accounts with an authenticator: the 6-digit code. */
  @Public()
  @Post('mfa')
  @ApiOkResponse({ type: LoginResponseDoc })
  @ApiErrors(400, 401, 429)
  @HttpCode(200)
  async secondFactor(@Body() body: SecondFactorDto, @Req() request: HttpRequest) {
    const claims = this.tokens.verify(body.mfaToken);
    if (!claims || claims.purpose !== 'mfa') throw new DomainError(ErrorCode.Unauthenticated, 'the sign-in has expired; start again');
    const address = request.ip ?? 'unknown';
    await this.holdBack(claims.username, address);
    const totp = await this.organisation.totp(claims.username);
    const step = totp?.enabled && totp.secret ? verifyTotp(totp.secret, body.code, new Date(), totp.lastStep) : undefined;
    if (step === undefined || !(await this.organisation.useTotpStep(claims.username, step))) {
      await this.throttle.failed(claims.username, address);
      await this.audit(claims.username, 'login-second-factor-failed', { address });
      throw badInput('the code is wrong or already used', [{ field: 'code', message: 'wrong code' }]);
    }
    const user = await this.organisation.authenticatedUser(claims.username);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'this account is disabled');
    return this.signedIn(user, request);
  }

  /** A new access token (and refresh token) for a session that is still open. */
  @Public()
  @Post('refresh')
  @ApiOkResponse({ type: SessionTokensDoc })
  @ApiErrors(400, 401)
  @HttpCode(200)
  refresh(@Body() body: RefreshDto, @Req() request: HttpRequest) {
    return this.sessions.refresh(body.refreshToken, client(request));
  }

  /** Ends this session: its refresh token and this access token stop working on every node. */
  @Post('logout')
  @ApiNoContentResponse({ description: 'The session ends on every node' })
  @ApiErrors(401)
  @HttpCode(204)
  async logout(@Req() request: HttpRequest) {
    await this.sessions.close(request.token);
    await this.audit(request.token.username, 'logout', { session: request.token.sid ?? null });
  }

  /** Who am I (the browser apps use it to restore a session). */
  @Get('me')
  @ApiOkResponse({ type: ActorDoc, description: 'Who the token belongs to' })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  /** The account page: who I am, whether an authenticator is set up, my open sessions. */
  @Get('account')
  @ApiOkResponse({ type: AccountDoc })
  @ApiErrors(401)
  async account(@Req() request: HttpRequest) {
    const user = await this.organisation.user(request.token.username);
    return {
      username: user.username,
      fullName: user.fullName,
      departmentCode: user.departmentCode,
      roles: user.roles,
      external: Boolean(user.external),
      totpEnabled: Boolean(user.totpEnabled),
      sessions: await this.sessions.listOpen(user.username, request.token.sid),
    };
  }

  /**
   * Ends the caller's other sessions (a laptop left signed in elsewhere): every token of the user
   * stops working on every node, and the answer opens a new session for this browser.
   */
  @Post('sessions/end-others')
  @ApiOkResponse({ type: SessionTokensDoc, description: 'A new session for this browser; every other session of the user ends' })
  @ApiErrors(401)
  @HttpCode(200)
  async endOtherSessions(@Req() request: HttpRequest) {
    const username = request.token.username;
    await this.sessions.endAll(username);
    await this.audit(username, 'other-sessions-ended', { address: request.ip ?? 'unknown' });
    const user = await this.organisation.authenticatedUser(username);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'this account is disabled');
    return this.sessions.open(user, user.tokenGeneration, client(request));
  }

  /**
   * Changes the caller's own password. Every session of the user ends, on every node; the
   * answer opens a new one for this browser.
   */
  @Post('password')
  @ApiOkResponse({ type: SessionTokensDoc, description: 'A new session for this browser; every other session of the user ends' })
  @ApiErrors(400, 401, 429)
  @HttpCode(200)
  async changePassword(@Body() body: PasswordChangeDto, @Req() request: HttpRequest) {
    const username = request.token.username;
    if (body.newPassword === body.currentPassword) throw badInput('the new password must differ from the current one', [{ field: 'newPassword', message: 'same as the current password' }]);
    assertPasswordAllowed(body.newPassword, 'newPassword', username);
    const address = request.ip ?? 'unknown';
    await this.holdBack(username, address);
    if (!(await this.organisation.changePassword(username, body.currentPassword, body.newPassword))) {
      await this.throttle.failed(username, address);
      throw badInput('the current password is wrong', [{ field: 'currentPassword', message: 'wrong password' }]);
    }
    await this.sessions.endAll(username);
    await this.audit(username, 'password-changed', { address });
    const user = await this.organisation.authenticatedUser(username);
    return this.sessions.open(user!, user!.tokenGeneration, client(request));
  }

  /** Starts enrolling an authenticator app: the secret and the address its QR code carries. */
  @Post('totp/setup')
  @ApiOkResponse({ type: TotpSetupDoc })
  @ApiErrors(401, 409)
  @HttpCode(200)
  async totpSetup(@Req() request: HttpRequest) {
    const username = request.token.username;
    if ((await this.organisation.totp(username))?.enabled) throw conflict('an authenticator is already set up; turn it off first');
    const secret = newTotpSecret();
    await this.organisation.setTotp(username, { secret, enabled: false });
    return { secret, otpauthUri: totpUri(secret, username) };
  }

  /** Confirms the authenticator with its first code; from then on sign-in asks for a code. */
  @Post('totp/enable')
  @ApiNoContentResponse({ description: 'Sign-in asks for a code from now on' })
  @ApiErrors(400, 401, 409)
  @HttpCode(204)
  async totpEnable(@Body() body: TotpCodeDto, @Req() request: HttpRequest) {
    const username = request.token.username;
    const totp = await this.organisation.totp(username);
    if (!totp?.secret || totp.enabled) throw conflict('set up an authenticator first');
    if (verifyTotp(totp.secret, body.code, new Date(), null) === undefined) throw badInput('the code is wrong', [{ field: 'code', message: 'wrong code' }]);
    await this.organisation.setTotp(username, { secret: totp.secret, enabled: true });
    await this.audit(username, 'second-factor-enabled', {});
  }

  @Post('totp/disable')
  @ApiNoContentResponse({ description: 'The authenticator is off' })
  @ApiErrors(400, 401, 409)
  @HttpCode(204)
  async totpDisable(@Body() body: TotpCodeDto, @Req() request: HttpRequest) {
    const username = request.token.username;
    const totp = await this.organisation.totp(username);
    if (!totp?.enabled || !totp.secret) throw conflict('no authenticator is set up');
    if (verifyTotp(totp.secret, body.code, new Date(), totp.lastStep) === undefined) throw badInput('the code is wrong', [{ field: 'code', message: 'wrong code' }]);
    await this.organisation.setTotp(username, { secret: null, enabled: false });
    await this.audit(username, 'second-factor-disabled', {});
  }

  /** 429 with Retry-After while this client must wait; the refusal goes to the audit log. */
  private async holdBack(username: string, address: string): Promise<void> {
    const wait = await this.throttle.waitFor(username, address);
    if (wait <= 0) return;
    const seconds = Math.ceil(wait / 1000);
    await this.audit(username, 'login-throttled', { address, retryAfterSeconds: seconds, failures: await this.throttle.recentFailures(username, address) });
    throw new DomainError(ErrorCode.RateLimited, `too many failed sign-ins from this device; try again in ${seconds} s`, [{ field: 'retryAfter', message: String(seconds) }]);
  }

  private async signedIn(user: AuthenticatedUser, request: HttpRequest) {
    const session = await this.sessions.open(user, user.tokenGeneration, client(request));
    await this.audit(user.username, 'login', { address: request.ip ?? 'unknown' });
    return { ...session, user: { id: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles } };
  }

  private audit(username: string, operation: string, details: Record<string, unknown>): Promise<void> {
    return appendAudit(this.engine.db, { at: new Date(), username, operation, entityType: 'user', entityId: username, details });
  }
}

/** What the audit and the session list show of the device: its browser, shortened. */
function client(request: HttpRequest): string | null {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' ? agent.slice(0, 300) : null;
}
