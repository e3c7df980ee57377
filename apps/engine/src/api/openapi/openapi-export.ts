import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CalendarService } from '../../persistence/calendar/calendar-service.js';
import { createApp } from '../../create-app.js';
import { installDossiers } from '../../dossiers/index.js';
import { Engine } from '../../engine.js';
import { AccessTokens } from '../../identity/access-token.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { TokenRevocations } from '../../persistence/identity/token-revocations.js';
import { createDataSource } from '../../persistence/data-source.js';
import { createOpenApiDocument } from './openapi-document.js';

/**
 * The OpenAPI document of the app as `npm start` builds it, made without a database: the routes
 * and schemas come from the controllers and DTOs, so the app is assembled but never connected or
 * started (no request is served, no query runs).
 */
export async function exportOpenApiDocument(): Promise<OpenAPIObject> {
  const dataSource = createDataSource('postgres://openapi@127.0.0.1:1/unused');
  const engine = new Engine({ dataSource, nodeId: 'openapi-export' });
  const calendar = new CalendarService(engine.db);
  installDossiers(engine);
  const app = await createApp({ engine, organisation: new Organisation(engine.db), tokens: new AccessTokens(randomBytes(32)), calendar, revocations: new TokenRevocations(engine.db) }, { logger: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Writes the document as pretty JSON (a reviewer diffs it between releases). */
export async function writeOpenApiDocument(file: string): Promise<OpenAPIObject> {
  const document = await exportOpenApiDocument();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return document;
}
