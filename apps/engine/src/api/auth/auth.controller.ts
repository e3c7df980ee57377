import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ActorDoc, LoginResponseDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AccessTokens } from '../../identity/access-token.js';
import { LoginThrottle } from '../../identity/login-throttle.js';
import { Organisation } from '../../identity/organisation.js';
import type { Actor } from '../../commands/command.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { CurrentActor } from './current-actor.decorator.js';
import { Public } from './public.decorator.js';

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
  ) {}

  @Public()
  @Post('login')
  @ApiOkResponse({ type: LoginResponseDoc, description: 'A bearer token for every other /api call, and who it is' })
  @ApiErrors(400, 401, 429)
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
    const accessToken = this.tokens.issue({ sub: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles });
    return { accessToken, user: { id: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles } };
  }

  /** Who am I (the browser apps use it to restore a session). */
  @Get('me')
  @ApiOkResponse({ type: ActorDoc, description: 'Who the token belongs to' })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
