import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOpenApiDocument } from '../../../apps/engine/src/api/openapi/openapi-export.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');

/**
 * Issue #19: the build exports the OpenAPI document (dist/openapi.json) for client writers and
 * reviews; it must be exactly what a running engine serves, or it documents another API.
 */
describe('the exported OpenAPI document', () => {
  let t: TestEngine;
  let scratch: string;
  beforeAll(async () => {
    t = await startTestEngine({ organisation: false });
    scratch = await mkdtemp(path.join(tmpdir(), 'onedoor-openapi-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('given the build step, when it writes the document, then it equals what the running app serves at /api/docs-json', async () => {
    const file = path.join(scratch, 'openapi.json');
    await writeOpenApiDocument(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    const served = await t.http.get('/api/docs-json').expect(200);
    expect(exported).toEqual(served.body);
    expect(exported.openapi).toMatch(/^3\./);
    expect(Object.keys(exported.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/deployments', '/api/tasks', '/api/dossiers']));
  });

  it('given package.json, then the engine build runs the export into dist/openapi.json and git ignores dist', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['build:engine']).toContain('node dist/apps/engine/src/api/openapi/write-openapi.js dist/openapi.json');
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
  });
});
