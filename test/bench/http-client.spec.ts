import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeClients, request } from './http-client.js';

/**
 * The load generator's client reads what a server answers, or fails the run: the bench's
 * figures are only as good as the answers it checks.
 */
describe('bench HTTP client (kept-alive HTTP/1.1, bodies by Content-Length)', () => {
  let server: http.Server;
  let base: string;
  const seen: { method: string; url: string; auth?: string; body: string; socket: unknown }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body, socket: req.socket });
        if (req.url === '/empty') return res.writeHead(204).end();
        if (req.url === '/close') return res.writeHead(200, { 'Content-Length': '2', Connection: 'close' }).end('ok');
        if (req.url === '/chunked') {
          res.writeHead(200);
          res.write('một');
          return setTimeout(() => res.end('hai'), 5);
        }
        const answer = JSON.stringify({ echo: body, bước: 'hồ sơ'.repeat(20_000) });
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(answer)) });
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await closeClients();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (seen.length = 0));

  it('given a JSON answer larger than one read, then it returns the whole body with its status, and sends the headers and body it was given', async () => {
    const answer = await request(`${base}/api/tasks?q=1`, 'POST', { Authorization: 'Bearer t' }, '{"tên":"Lan"}');

    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ echo: '{"tên":"Lan"}', bước: 'hồ sơ'.repeat(20_000) });
    expect(seen).toMatchObject([{ method: 'POST', url: '/api/tasks?q=1', auth: 'Bearer t', body: '{"tên":"Lan"}' }]);
  });

  it('given requests one after the other, then they share one kept-alive connection', async () => {
    for (let i = 0; i < 5; i++) expect((await request(`${base}/empty`, 'GET', {})).status).toBe(204);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it('given an answer that closes the connection, then the next request opens a new one', async () => {
    expect(await request(`${base}/close`, 'GET', {})).toEqual({ status: 200, body: 'ok' });
    expect(await request(`${base}/empty`, 'GET', {})).toEqual({ status: 204, body: '' });
    expect(seen[0].socket).not.toBe(seen[1].socket);
  });

  it('given a chunked answer, then the request fails rather than return half a body', async () => {
    await expect(request(`${base}/chunked`, 'GET', {})).rejects.toThrow('Content-Length');
    expect((await request(`${base}/empty`, 'GET', {})).status).toBe(204);
  });
});
