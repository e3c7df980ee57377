import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AuthModule } from '../../../apps/engine/src/api/auth/auth.module.js';
import { DocumentsModule } from '../../../apps/engine/src/api/documents/index.js';
import { HttpShellModule } from '../../../apps/engine/src/api/http-shell.module.js';
import { PublicModule } from '../../../apps/engine/src/api/public/index.js';
import { configureHttp, createHttpAdapter } from '../../../apps/engine/src/create-app.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { AccessTokens } from '../../../apps/engine/src/identity/access-token.js';
import { Organisation } from '../../../apps/engine/src/persistence/identity/organisation.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/**
 * The sign-in, document and public modules in an HTTP app wired like create-app.ts (guard,
 * filter, validation, trusted loopback proxy), on a private database and a fixed clock.
 */
@Module({})
class DocumentsTestModule {
  static register(engine: Engine, organisation: Organisation, tokens: AccessTokens): DynamicModule {
    return { module: DocumentsTestModule, imports: [HttpShellModule.register({ engine, organisation, tokens }), AuthModule, DocumentsModule, PublicModule] };
  }
}

export interface DocumentsTestApp {
  db: TestDatabase;
  engine: Engine;
  organisation: Organisation;
  http: ReturnType<typeof request>;
  baseUrl: string;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startDocumentsTestApp(now: Date): Promise<DocumentsTestApp> {
  const db = await createTestDatabase();
  const engine = new Engine({ dataSource: db.dataSource, clock: { now: () => new Date(now) }, nodeId: 'test-documents' });
  const organisation = new Organisation(engine.db);
  const tokens = new AccessTokens(await organisation.signingKey());
  const app = await NestFactory.create<NestFastifyApplication>(DocumentsTestModule.register(engine, organisation, tokens), createHttpAdapter(), { logger: false });
  await configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const http = request(app.getHttpServer());
  return {
    db,
    engine,
    organisation,
    http,
    baseUrl: `http://127.0.0.1:${port}`,
    async login(username) {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password: 'demo-password' });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return `Bearer ${res.body.accessToken}`;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
