import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; required?: string[]; enum?: unknown[]; pattern?: string; maxLength?: number; format?: string; oneOf?: Schema[] };
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }>; parameters?: { name: string; in: string; schema?: Schema }[] };

/**
 * Issue #18: /api/docs documents every request body (from the rules that validate it) and every
 * response (the contract's shapes), so a client can be written from the document alone.
 */
describe('the OpenAPI document', () => {
  let t: TestEngine;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, Schema>;
  const resolve = (schema: Schema): Schema => (schema.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema);

  beforeAll(async () => {
    t = await startTestEngine({ organisation: false });
    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build()) as unknown as { paths: typeof paths; components: { schemas: typeof schemas } };
    paths = document.paths;
    schemas = document.components.schemas;
  });
  afterAll(() => t.close());

  const operations = () => Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  it('given every operation with a body, then its schema names the fields it takes', () => {
    const withBody = operations().filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(17);
    const empty = withBody.filter(({ op }) => Object.values(op.requestBody!.content).some(({ schema }) => Object.keys(resolve(schema).properties ?? {}).length === 0));
    expect(empty.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('given every operation, then it documents a success answer with its content (or none for 204) and its errors', () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations()) {
      const success = Object.entries(op.responses).filter(([code]) => /^2/.test(code));
      const redirects = Object.keys(op.responses).some((code) => /^3/.test(code));
      if (success.length === 0 && !redirects) missing.push(`${method} ${path}: no 2xx answer`);
      for (const [code, response] of success) if (code !== '204' && !response.content) missing.push(`${method} ${path}: ${code} without content`);
      const open = ['/api/public', '/api/auth/oidc', '/api/auth/login'].some((prefix) => path.startsWith(prefix));
      if (path.startsWith('/api/') && !open && !op.responses['401']) missing.push(`${method} ${path}: no 401`);
    }
    expect(missing).toEqual([]);
  });

  it('given the reception body, then the rules read as the schema: required fields, enums, patterns, the nested applicant', () => {
    const receive = resolve(paths['/api/dossiers'].post.requestBody!.content['application/json'].schema);
    expect(receive.required).toEqual(expect.arrayContaining(['procedureKey', 'applicant', 'channel']));
    expect(receive.properties!.channel.enum).toEqual(['direct', 'online', 'postal']);
    expect(receive.properties!.components).toEqual(expect.objectContaining({ type: 'array', items: expect.objectContaining({ type: 'string' }) }));
    const applicant = resolve(receive.properties!.applicant);
    expect(applicant.required).toEqual(['name']);
    expect(applicant.properties!.idNumber.pattern).toBe('^[0-9A-Za-z]{6,20}$');
    expect(applicant.properties!.name.maxLength).toBe(200);
  });

  it('given the task form and a dossier, then their answers are described field by field', () => {
    const form = resolve(paths['/api/tasks/{id}/form'].get.responses['200'].content!['application/json'].schema);
    expect(Object.keys(form.properties!)).toEqual(['taskId', 'fields', 'decision', 'previousStep']);
    const dossier = resolve(paths['/api/dossiers/{code}'].get.responses['200'].content!['application/json'].schema);
    expect(Object.keys(dossier.properties!)).toEqual(expect.arrayContaining(['code', 'status', 'dueAt', 'steps', 'events', 'documents']));
    const complete = resolve(paths['/api/tasks/{id}/complete'].post.requestBody!.content['application/json'].schema);
    expect(Object.keys(complete.properties!)).toEqual(['variables', 'opinion']);
    // and the search's keys are query parameters
    expect(paths['/api/dossiers'].get.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'code', 'applicant', 'idNumber', 'procedureKey', 'status', 'from', 'to', 'dueFrom', 'dueTo', 'overdue']));
  });
});
