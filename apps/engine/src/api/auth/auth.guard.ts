import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from '../../identity/access-token.js';
import { TokenRevocations } from '../../persistence/identity/token-revocations.js';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { IS_PUBLIC } from './public.decorator.js';
import { REQUIRED_ROLES } from './roles.decorator.js';

/**
 * Global guard: every handler needs a valid bearer token unless marked @Public(); @Roles narrows
 * it further. Runs before validation, so an anonymous caller learns nothing about the payload.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly revocations: TokenRevocations,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const claims = token ? this.tokens.verify(token) : undefined;
    // A sign-in step's token (the second factor) opens nothing but that step.
    if (!claims || claims.purpose) throw new DomainError(ErrorCode.Unauthenticated, 'log in first: send Authorization: Bearer <token>');
    if (this.revocations.isRevoked(claims)) throw new DomainError(ErrorCode.Unauthenticated, 'this session has ended (signed out or password changed): log in again');
    request.actor = { username: claims.username, departmentCode: claims.departmentCode, roles: claims.roles, fullName: claims.fullName };
    request.token = claims;
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_ROLES, targets);
    if (required && !required.some((r) => claims.roles.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, `this needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
