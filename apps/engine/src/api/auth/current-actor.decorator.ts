import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../../commands/command.js';

/** The authenticated caller, put on the request by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
