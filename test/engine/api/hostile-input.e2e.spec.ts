import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fc from 'fast-check';
import { acceptable, hostileRequest, oversizedRequest, routesOf, XML_ATTACKS, type HostileRequest } from '../../chaos/hostile-requests.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Issue #16: whatever a client sends — random JSON to every route, broken and deeply nested
 * bodies, mutated BPMN, XML that attacks the parser — the answer is never a server error and
 * the node never falls over. fast-check generates the requests; a failure prints the seed and
 * the smallest request that still fails.
 */
describe('hostile input', () => {
  let t: TestEngine;
  let send: (request: HostileRequest) => Promise<{ status: number; text: string }>;
  let generator: fc.Arbitrary<HostileRequest>;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true, jobs: true });
    adminToken = (await t.login('admin')).slice('Bearer '.length);
    // The fuzz gets sessions of its own: a random POST /api/auth/logout may end them, which must
    // not leave the later specs with a revoked token.
    const fuzzAdminToken = (await t.login('admin')).slice('Bearer '.length);
    const officerToken = (await t.login('chuyenvien.btxh')).slice('Bearer '.length);
    // Routes that end the caller's own sessions would log the fuzzer out (every later answer a 401),
    // not test the server: they keep their own specs.
    const endsSessions = (path: string) => ['/api/auth/logout', '/api/auth/password', '/api/auth/sessions/end-others', '/api/users/{username}/end-sessions'].includes(path);
    const routes = routesOf(SwaggerModule.createDocument(t.app, new DocumentBuilder().build()) as { paths: Record<string, object> }).filter((r) => !endsSessions(r.path));
    const samples = await Promise.all((await readdir(path.join(root, 'processes'))).filter((f) => f.endsWith('.bpmn')).map((f) => readFile(path.join(root, 'processes', f), 'utf8')));
    generator = hostileRequest(routes, samples, [fuzzAdminToken, officerToken]);
    send = async (request) => {
      const response = await fetch(t.baseUrl + request.path, { method: request.method, headers: request.headers, body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body });
      return { status: response.status, text: await response.text() };
    };
  });
  afterAll(() => t.close());

  it('given random requests to every route, then no answer is a server error', async () => {
    await fc.assert(
      fc.asyncProperty(generator, async (request) => {
        const { status, text } = await send(request);
        if (!acceptable(status)) throw new Error(`${request.kind} ${request.method} ${request.path} → ${status} ${text.slice(0, 300)}`);
      }),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect((await t.http.get('/health')).body.database).toEqual({ status: 'up' });
  });

  it.each(XML_ATTACKS.map((a) => [a.kind, a.xml] as const))('given a BPMN file that attacks the XML parser (%s), then it is refused without resolving anything', async (_, xml) => {
    const response = await t.http.post('/api/deployments').set('Authorization', `Bearer ${adminToken}`).send({ name: 'attack', bpmnXml: xml });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/root:x:0|aaaaaaaaaa{200}/);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM process_definition WHERE key IN ('xxe', 'lol', 'deep', 'wide')`);
    expect(n).toBe(0);
  });

  it('given a NUL byte in a path, a query or a body (PostgreSQL refuses it in text), then 400, not 500', async () => {
    const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
    for (const request of [
      { kind: 'nul', method: 'POST', path: '/api/process-definitions/key/%00/start', headers: auth, body: '{}' },
      { kind: 'nul', method: 'GET', path: '/api/tasks?processInstanceId=%00', headers: auth },
      { kind: 'nul', method: 'POST', path: '/api/departments', headers: auth, body: JSON.stringify({ code: 'NUL_1', name: 'a\u0000b' }) },
    ]) {
      const { status } = await send(request);
      expect({ path: request.path, status }).toEqual({ path: request.path, status: [400, 404].includes(status) ? status : 'not 400 or 404' });
    }
  });

  it('given a body over the limit, then 413 in the API error shape', async () => {
    const { status, text } = await send(oversizedRequest(adminToken));
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ statusCode: 413, message: expect.any(String) });
  });

  it('given JSON nested thousands deep, then a 400, not a stack overflow', async () => {
    const { status } = await send({ kind: 'deep-json', method: 'POST', path: '/api/dossiers', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});
