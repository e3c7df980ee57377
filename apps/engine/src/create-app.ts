import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe } from './api/validation.js';
import { AppModule, type AppServices } from './app.module.js';

export interface HttpOptions {
  /** Folder of the built browser app (dist/web), served at `/`. */
  webRoot?: string;
  logger?: boolean;
}

/** Builds the HTTP application: API under /api, OpenAPI at /api/docs, the browser app at /. */
export async function createApp(services: AppServices, options: HttpOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(services), {
    logger: options.logger === false ? false : ['error', 'warn'],
    rawBody: false,
  });
  // BPMN files travel inside JSON deployments: allow a few MB, refuse more with 413.
  app.useBodyParser('json', { limit: '6mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.set('trust proxy', 'loopback');
  // API answers change with every command; hashing each body for an ETag nobody sends back is waste.
  app.set('etag', false);
  app.useGlobalPipes(createValidationPipe());
  const config = new DocumentBuilder()
    .setTitle('OneDoor API')
    .setDescription('BPMN engine for one-stop-shop administrative procedures (see API.md)')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  if (options.webRoot && existsSync(options.webRoot)) {
    app.useStaticAssets(options.webRoot, { index: 'index.html', extensions: ['html'] });
  }
  app.enableShutdownHooks();
  return app;
}

export const defaultWebRoot = (root = process.cwd()) => path.join(root, 'dist', 'web');
