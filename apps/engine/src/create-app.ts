import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { MAX_DEPLOYMENT_FILE_BYTES, MAX_DEPLOYMENT_FILES } from './api/deployments/uploaded-files.js';
import { createValidationPipe } from './api/validation.js';
import { redirectDocumentLinksToLogin } from './api/documents/document-login-redirect.js';
import { addSecurityHeaders } from './api/security-headers.js';
import type { InFlightRequests } from './api/in-flight-requests.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './api/errors/json-depth.js';
import { APP_CONTROLLERS, AppModule, type AppServices } from './app.module.js';
import { documentControllerInputs } from './api/openapi/validated-schemas.js';
import { createOpenApiDocument, OPENAPI_PATH } from './api/openapi/openapi-document.js';

export interface HttpOptions {
  /** Folder of the built browser app (dist/web), served at `/`. */
  webRoot?: string;
  logger?: boolean;
  /** Origins whose pages may call the API from a browser (CORS). None by default: the API is closed to other sites. */
  corsOrigins?: string[];
  /** Keeps count of the requests being served (the shutdown names the ones it waits for). */
  inFlight?: InFlightRequests;
}

/** BPMN files travel inside JSON deployments: allow a few MB, refuse more with 413. */
const JSON_BODY_LIMIT = 6 * 1024 * 1024;

/**
 * Builds the HTTP application: API under /api, OpenAPI at /api/docs, the browser app at /.
 */
export async function createApp(services: AppServices, options: HttpOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(services), createHttpAdapter(), {
    logger: options.logger === false ? false : ['error', 'warn'],
  });
  options.inFlight?.attach(app.getHttpAdapter().getInstance());
  await configureHttp(app);
  redirectDocumentLinksToLogin(app.getHttpAdapter().getInstance());
  // Bodies' schemas come from their validation rules; done at once, as specs read the document straight from the app.
  documentControllerInputs(APP_CONTROLLERS);
  if (options.corsOrigins?.length) app.enableCors({ origin: options.corsOrigins, credentials: false, maxAge: 600 });
  SwaggerModule.setup(OPENAPI_PATH, app, () => createOpenApiDocument(app));
  if (options.webRoot && existsSync(options.webRoot)) {
    // `/modeler` redirects to `/modeler/`, whose index.html is the page.
    app.useStaticAssets({ root: options.webRoot, prefix: '/', index: ['index.html'], redirect: true });
  }
  return app;
}

/**
 * NestJS runs on Fastify: on the inbox's hot path (list, complete) the Express pipeline cost
 * a third more CPU per request on these 2-core machines (issue #9).
 */
export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    // Behind a reverse proxy on the same host, the client's address comes from X-Forwarded-For.
    trustProxy: 'loopback',
  });
  return adapter;
}

/** What every app of ours has, the full one and the partial ones specs build: uploads, validation. */
export async function configureHttp(app: NestFastifyApplication): Promise<void> {
  addSecurityHeaders(app.getHttpAdapter().getInstance());
  await app.register(multipart, { limits: { fileSize: MAX_DEPLOYMENT_FILE_BYTES, files: MAX_DEPLOYMENT_FILES } });
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, jsonOrNothing(app.getHttpAdapter().getInstance()));
  app.useGlobalPipes(createValidationPipe());
}

/**
 * A POST without a body but labelled JSON (a claim button's fetch, curl -H …) means "no fields",
 * as it did under Express; Fastify's own parser refuses it. Everything else goes to that parser
 * (it refuses __proto__ and constructor keys). Bodies nested deeper than any real request are
 * refused before parsing. Its errors reach the exception filter.
 */
function jsonOrNothing(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const text = body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(Object.assign(new Error(`the request body nests deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400, code: 'OD_JSON_TOO_DEEP' }), undefined);
    }
    parseJson(request, text, done);
  };
}

export const defaultWebRoot = (root = process.cwd()) => path.join(root, 'dist', 'web');
