import 'reflect-metadata';
import path from 'node:path';
import { writeOpenApiDocument } from './openapi-export.js';

/** `npm run build:engine`: the OpenAPI document to dist/openapi.json (or the path given), for clients and reviews. */
const file = path.resolve(process.argv[2] ?? path.join('dist', 'openapi.json'));
const document = await writeOpenApiDocument(file);
console.log(`OpenAPI: ${Object.keys(document.paths).length} paths written to ${path.relative(process.cwd(), file) || file}`);
