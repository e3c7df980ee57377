import { Module } from '@nestjs/common';
import { DocumentAccess } from '../../documents/document-access.js';
import { DossierDocumentQuery } from '../../queries/documents/dossier-document-query.js';
import { TrackingBookQuery } from '../../queries/documents/tracking-book-query.js';
import { Engine } from '../../engine.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { DocumentsController } from './documents.controller.js';

/** Printable legal documents: forms 01–07 and the tracking book. */
@Module({
  controllers: [DocumentsController],
  providers: [
    { provide: DossierDocumentQuery, useFactory: (engine: Engine) => new DossierDocumentQuery(engine.db), inject: [Engine] },
    { provide: TrackingBookQuery, useFactory: (engine: Engine) => new TrackingBookQuery(engine.db), inject: [Engine] },
    { provide: DocumentAccess, useFactory: (organisation: Organisation) => new DocumentAccess(organisation), inject: [Organisation] },
  ],
  exports: [DocumentAccess],
})
export class DocumentsModule {}
