import { createHash } from 'node:crypto';
import { IdempotencyStore } from '../persistence/idempotency-store.js';
import { badInput, conflict } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';

/** What a client may send as `Idempotency-Key`: an opaque token such as a UUID. */
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Runs a command at most once per idempotency key and user: a retry of a request whose answer
 * was lost (a dropped connection, a 503 in a failover) gets the first answer again instead of
 * creating a second dossier. The key is claimed and answered in the command's own transaction,
 * so it is stored exactly when the command committed. Reusing a key for a different request is
 * refused (409), as with the payment APIs that made the header common.
 */
export class Idempotent<T> implements Command<T> {
  readonly name: string;

  constructor(
    private readonly key: string,
    /** The request as the client sent it (route and body): the same key must come with the same request. */
    private readonly request: unknown,
    private readonly inner: Command<T>,
  ) {
    this.name = inner.name;
    if (!KEY_PATTERN.test(key)) throw badInput('Idempotency-Key must be 8–100 letters, digits or . _ : -', [{ field: 'Idempotency-Key', message: 'invalid' }]);
  }

  async execute(ctx: CommandContext): Promise<T> {
    const store = new IdempotencyStore(ctx.sql);
    const hash = createHash('sha256').update(JSON.stringify(this.request ?? null)).digest('hex');
    const claim = await store.claim(ctx.actor.username, this.key, hash, ctx.now);
    if (claim.status === 'answered') return claim.result as T;
    if (claim.status === 'other-request') throw conflict(`Idempotency-Key ${this.key} was already used for a different request`);
    const result = await this.inner.execute(ctx);
    await store.answer(ctx.actor.username, this.key, result);
    return result;
  }
}

/** Wraps the command when the client sent an Idempotency-Key, else runs it as it is. */
export function idempotent<T>(key: string | undefined, request: unknown, command: Command<T>): Command<T> {
  return key === undefined ? command : new Idempotent(key, request, command);
}
