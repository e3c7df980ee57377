import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AccessTokens, type TokenClaims } from '../../identity/access-token.js';
import { TokenRevocations } from '../../identity/token-revocations.js';
import { LoginThrottle } from '../../identity/login-throttle.js';
import { Organisation } from '../../identity/organisation.js';
import type { Actor } from '../../commands/command.js';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error.js';
import { CurrentActor } from './current-actor.decorator.js';
import { Public } from './public.decorator.js';

export class PasswordChangeDto {
  @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @IsString() @MinLength(10, { message: 'newPassword must be at least 10 characters' }) @MaxLength(200) newPassword!: string;
}

export class LoginDto {
  @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

@ApiTags('identity')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly organisation: Organisation,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly revocations: TokenRevocations,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: { ip?: string }) {
    const keys = [`user:${body.username.toLowerCase()}`, `ip:${request.ip ?? 'unknown'}`];
    const wait = this.throttle.retryAfter(keys);
    if (wait > 0) {
      throw new DomainError(ErrorCode.RateLimited, `too many failed logins; try again in ${Math.ceil(wait / 1000)} s`, [
        { field: 'retryAfter', message: String(Math.ceil(wait / 1000)) },
      ]);
    }
    const user = await this.organisation.authenticate(body.username, body.password);
    if (!user) {
      this.throttle.fail(keys);
      throw new DomainError(ErrorCode.Unauthenticated, 'wrong username or password');
    }
    this.throttle.succeed(keys);
    const accessToken = this.tokens.issue({ sub: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles, gen: user.tokenGeneration });
    return { accessToken, user: { id: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles } };
  }

  /** Signs this token out: from now on no node accepts it (the others within seconds). */
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: { token: TokenClaims }) {
    await this.revocations.revoke(request.token);
  }

  /**
   * Changes the caller's own password. Every token of the user stops working, this one too, on
   * every node; the answer carries a fresh token for this session.
   */
  @Post('password')
  @HttpCode(200)
  async changePassword(@Body() body: PasswordChangeDto, @Req() request: { token: TokenClaims }) {
    const claims = request.token;
    if (body.newPassword === body.currentPassword) throw badInput('the new password must differ from the current one', [{ field: 'newPassword', message: 'same as the current password' }]);
    if (!(await this.organisation.changePassword(claims.username, body.currentPassword, body.newPassword))) {
      throw badInput('the current password is wrong', [{ field: 'currentPassword', message: 'wrong password' }]);
    }
    const gen = await this.revocations.endSessions(claims.username);
    const { iat: _iat, exp: _exp, jti: _jti, ...identity } = claims;
    return { accessToken: this.tokens.issue({ ...identity, gen }) };
  }

  /** Who am I (the browser apps use it to restore a session). */
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
