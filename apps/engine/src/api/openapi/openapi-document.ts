import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_CONTROLLERS } from '../../app.module.js';
import { documentControllerInputs } from './validated-schemas.js';

/** Where the app serves its OpenAPI document: Swagger UI here, the JSON at `${path}-json`. */
export const OPENAPI_PATH = 'api/docs';

/**
 * The OpenAPI document of a built app: every route, its bodies read from the validation rules and
 * its answers. One function for what `/api/docs-json` serves and what the build exports to
 * `dist/openapi.json`, so the two cannot differ.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  documentControllerInputs(APP_CONTROLLERS);
  const config = new DocumentBuilder()
    .setTitle('OneDoor API')
    .setDescription('BPMN engine for one-stop-shop administrative procedures (guide: docs/api.md in the repository)')
    .setVersion('0.1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
