import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { ensureWebBuilt } from '../../support/web-build.js';

/**
 * The HTTP layer itself (NestJS on Fastify): what a client gets for bodies the API cannot read,
 * uploads over their limits, and the browser app's pages. Each refusal has the docs/api.md error shape
 * and leaves nothing deployed.
 */
describe('the HTTP layer', () => {
  let t: TestEngine;
  let designer: string;
  const deployedCount = async () => Number((await t.engine.db.query<{ n: string }>(`SELECT count(*) AS n FROM deployment`))[0].n);

  beforeAll(async () => {
    await ensureWebBuilt(); // the engine serves dist/web only if it exists when the app starts
    t = await startTestEngine();
    designer = await t.login('admin');
  });
  afterAll(() => t.close());

  it('given a body that is not JSON, when posted as JSON, then 400 says so in the API error shape', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/json').send('{"name":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad request', message: 'the request body is not valid JSON' });
  });

  it('given a JSON body with a __proto__ key, when posted, then it is refused with 400', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/json').send('{"__proto__":{"admin":true}}');
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('given a POST labelled JSON without a body, when sent, then it counts as no fields (the field error names what is missing)', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'bpmnXml', message: expect.any(String) }]);
  });

  it('given a JSON body over 6 MB, when posted, then 413 and nothing is deployed', async () => {
    const before = await deployedCount();
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x', bpmnXml: 'a'.repeat(7 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'Payload too large', message: 'the request body is too large' });
    expect(await deployedCount()).toBe(before);
  });

  it('given a BPMN file over 5 MB, when uploaded, then 413 names the file limit and nothing is deployed', async () => {
    const before = await deployedCount();
    const res = await t.http.post('/api/deployments').set('Authorization', designer).attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'big.bpmn');
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('a file is too large');
    expect(await deployedCount()).toBe(before);
  });

  it('given a multipart request without a file, when posted, then 400 names the field "file"', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).field('name', 'Thủ tục thử');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'file', message: expect.any(String) }]);
  });

  it('given a body labelled multipart without a boundary (the hostile-input fuzz found it), when posted, then 400, not a server error', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'multipart/form-data').send('a=1&b=--x\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, message: expect.stringContaining('multipart body could not be read'), details: [{ field: 'file', message: 'malformed multipart body' }] }));
    expect(await deployedCount()).toBe(0);
  });

  it('given a result upload whose multipart body has no part headers (the fuzz found it), when posted, then 400 names the field "file", not a server error', async () => {
    const res = await t.http
      .post('/api/tasks/00000000-0000-1000-8000-000000000000/result')
      .set('Authorization', designer)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('a=1&b=--x\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, message: expect.stringContaining('multipart body could not be read'), details: [{ field: 'file', message: 'malformed multipart body' }] }));
  });

  it('given a multipart text field the API does not know, when posted, then 400 names it', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).field('owner', 'someone').attach('file', Buffer.from('<x/>'), 'x.bpmn');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'owner', message: expect.stringContaining('should not exist') }]);
  });

  it('given raw BPMN XML posted as application/xml, when sent, then 415 tells which media types the API reads', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'application/xml').send('<definitions/>');
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ statusCode: 415, error: 'Unsupported media type', message: expect.stringContaining('multipart/form-data') });
  });

  it('given plain text where a JSON object is expected, when posted, then 400 names the body', async () => {
    const res = await t.http.post('/api/deployments').set('Authorization', designer).set('Content-Type', 'text/plain').send('hello');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('given the browser app, when a page folder is asked without its slash, then it redirects to the page', async () => {
    const res = await t.http.get('/modeler').redirects(0);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/modeler/');
    const page = await t.http.get('/modeler/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('given an API path nobody serves, when asked, then 404 in the API error shape, not a page', async () => {
    const res = await t.http.get('/api/no-such-thing').set('Authorization', designer);
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });
});
