import Fastify from 'fastify';
import { InFlightRequests } from '../../../apps/engine/src/api/in-flight-requests.js';

/**
 * What a draining node knows about the requests it still serves: the shutdown names them when
 * it waits, and cuts the remaining connections at once when none is being served.
 */
describe('requests in flight', () => {
  it('given a request being served, then it is listed with its method, path (no query) and age; once answered, none is', async () => {
    const inFlight = new InFlightRequests();
    const fastify = Fastify();
    inFlight.attach(fastify);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen!: () => void;
    const arrived = new Promise<void>((resolve) => (seen = resolve));
    fastify.post('/api/tasks/:id/complete', async () => {
      seen();
      await held;
      return { ok: true };
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = fastify.server.address() as { port: number };
      const answer = fetch(`http://127.0.0.1:${port}/api/tasks/t-1/complete?token=secret`, { method: 'POST' });
      await arrived;
      expect(inFlight.count).toBe(1);
      expect(inFlight.describe()).toEqual([expect.stringMatching(/^POST \/api\/tasks\/t-1\/complete \(\d+\.\d s\)$/)]);
      release();
      expect((await answer).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(inFlight.count).toBe(0);
      expect(inFlight.describe()).toEqual([]);
    } finally {
      await fastify.close();
    }
  });
});
