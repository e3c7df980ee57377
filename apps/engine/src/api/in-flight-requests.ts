import type { FastifyInstance } from 'fastify';

/**
 * The requests a node is still serving, so that a shutdown that waits for them can say which
 * ones it waits for (method, path, age) instead of only that it waits. A request counts from
 * the moment its headers arrived until its connection is done with it.
 */
export class InFlightRequests {
  private readonly open = new Map<object, { method: string; url: string; since: number }>();

  /** Registers the hooks; call before the app is ready. */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, _reply, done) => {
      const raw = request.raw;
      this.open.set(raw, { method: request.method, url: request.url.split('?')[0], since: Date.now() });
      raw.once('close', () => this.open.delete(raw));
      request.raw.socket?.once('close', () => this.open.delete(raw));
      done();
    });
    fastify.addHook('onResponse', (request, _reply, done) => {
      this.open.delete(request.raw);
      done();
    });
  }

  get count(): number {
    return this.open.size;
  }

  /** The open requests, oldest first: "POST /api/tasks/…/complete (12.3 s)". */
  describe(now = Date.now()): string[] {
    return [...this.open.values()].sort((a, b) => a.since - b.since).map((r) => `${r.method} ${r.url} (${((now - r.since) / 1000).toFixed(1)} s)`);
  }
}
