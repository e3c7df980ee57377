import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LoginResponseDoc, SingleSignOnOfferDoc } from '../openapi/responses.js';
import { ApiErrors } from '../openapi/api-errors.js';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Sessions } from '../../persistence/identity/sessions.js';
import type { SingleSignOn } from '../../identity/single-sign-on.js';
import { Engine } from '../../engine.js';
import { appendAudit } from '../../persistence/audit-log.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { Public } from './public.decorator.js';

/** The single sign-on service when ONEDOOR_OIDC_* configure one; `sso` is null otherwise. */
export const SINGLE_SIGN_ON = Symbol('single-sign-on');
export interface SingleSignOnHolder {
  sso: SingleSignOn | null;
}

export class SignOnStartQuery {
  @IsOptional() @IsString() @MaxLength(500) returnTo?: string;
}

export class TicketDto {
  @IsString() @MinLength(20) @MaxLength(200) ticket!: string;
}

interface Reply {
  redirect(url: string, code?: number): unknown;
  status(code: number): unknown;
}

/**
 * Sign-in through the agency's identity provider (OpenID Connect): the sign-in page asks whether
 * it is offered, the browser is sent there and comes back to the callback, and the app exchanges
 * the ticket it brings for a session.
 */
@ApiTags('identity')
@Controller('api/auth/oidc')
export class SingleSignOnController {
  constructor(
    @Inject(SINGLE_SIGN_ON) private readonly holder: SingleSignOnHolder,
    private readonly sessions: Sessions,
    private readonly engine: Engine,
  ) {}

  /** Whether the sign-in page offers single sign-on, and the button's words. */
  @Public()
  @Get()
  @ApiOkResponse({ type: SingleSignOnOfferDoc })
  offered() {
    const sso = this.holder.sso;
    return sso ? { enabled: true, label: sso.config.label } : { enabled: false };
  }

  @Public()
  @Get('login')
  @ApiResponse({ status: 302, description: 'To the identity provider' })
  @ApiErrors(400, 404)
  async login(@Query() query: SignOnStartQuery, @Res() reply: Reply) {
    reply.redirect((await this.sso().begin(query.returnTo)).toString(), 302);
  }

  /** The provider sends the browser back here; the app's page takes it from there. */
  @Public()
  @Get('callback')
  @ApiResponse({ status: 302, description: 'Back to the app with a one-time ticket (or the reason it failed)' })
  @ApiErrors(404)
  async callback(@Req() request: { url: string; ip?: string }, @Res() reply: Reply) {
    const sso = this.sso();
    const url = new URL(request.url, sso.config.redirectUri);
    try {
      const { ticket, returnTo } = await sso.complete(url);
      // The ticket goes in the query, before any #fragment the app's own routes use.
      const target = new URL(returnTo ?? '/', 'http://app.invalid');
      target.searchParams.set('sso', ticket);
      reply.redirect(`${target.pathname}${target.search}${target.hash}`, 302);
    } catch (error) {
      const message = error instanceof DomainError ? error.message : 'the sign-in could not be completed';
      if (!(error instanceof DomainError)) console.error(error);
      await appendAudit(this.engine.db, { at: new Date(), username: null, operation: 'login-sso-refused', entityType: 'user', entityId: null, details: { address: request.ip ?? 'unknown', message } });
      reply.redirect(`/?ssoError=${encodeURIComponent(message)}`, 302);
    }
  }

  /** The ticket the callback left, exchanged once for a session. */
  @Public()
  @Post('ticket')
  @ApiOkResponse({ type: LoginResponseDoc })
  @ApiErrors(400, 401, 404)
  @HttpCode(200)
  async ticket(@Body() body: TicketDto, @Req() request: { ip?: string; headers: Record<string, unknown> }) {
    const user = await this.sso().redeem(body.ticket);
    const agent = request.headers['user-agent'];
    const session = await this.sessions.open(user, user.tokenGeneration, typeof agent === 'string' ? agent.slice(0, 300) : null);
    await appendAudit(this.engine.db, { at: new Date(), username: user.username, operation: 'login', entityType: 'user', entityId: user.username, details: { address: request.ip ?? 'unknown', via: 'oidc' } });
    return { ...session, user: { id: user.id, username: user.username, fullName: user.fullName, departmentCode: user.departmentCode, roles: user.roles } };
  }

  private sso(): SingleSignOn {
    if (!this.holder.sso) throw new DomainError(ErrorCode.NotFound, 'single sign-on is not configured (ONEDOOR_OIDC_ISSUER)');
    return this.holder.sso;
  }
}
