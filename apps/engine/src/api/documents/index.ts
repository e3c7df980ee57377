import { DocumentsController } from './documents.controller.js';

/** Printable forms 01–07; the app module registers these. */
export const documentControllers = [DocumentsController];
