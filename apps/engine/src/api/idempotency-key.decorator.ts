import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The request's `Idempotency-Key` header (undefined when absent). Endpoints that create things
 * accept it so a client can retry after losing an answer (commands/idempotent.ts).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest().headers?.['idempotency-key'];
  return typeof value === 'string' ? value.trim() : undefined;
});

/** How the header appears in the OpenAPI document. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Any unique token (e.g. a UUID). A retry with the same key and body returns the first answer instead of creating a second one; kept 24 h.',
};
