import { Module } from '@nestjs/common';
import { DossierFileQueries } from '../../queries/dossier-files/dossier-file-queries.js';
import { dossierFilesConfig, type DossierFilesConfig } from '../../dossier-files/dossier-files-config.js';
import { DossierQueries } from '../../queries/dossiers/dossier-queries.js';
import { Engine } from '../../engine.js';
import { DOSSIER_FILES_CONFIG, DossierFilesController } from '../dossier-files/dossier-files.controller.js';
import { DossiersController } from './dossiers.controller.js';

/** Dossiers at the one-stop desk: reception, supplements, apologies, endings, search, and their files. */
@Module({
  controllers: [DossiersController, DossierFilesController],
  providers: [
    { provide: DossierQueries, useFactory: (engine: Engine) => new DossierQueries(engine.db, engine.services.calendar), inject: [Engine] },
    // The store and size limit come from ONEDOOR_FILE_DIR / ONEDOOR_FILE_MAX_BYTES; a spec may override the token.
    { provide: DOSSIER_FILES_CONFIG, useFactory: () => dossierFilesConfig() },
    {
      provide: DossierFileQueries,
      useFactory: (engine: Engine, config: DossierFilesConfig) => new DossierFileQueries(engine.db, engine.services.definitions, config.store),
      inject: [Engine, DOSSIER_FILES_CONFIG],
    },
  ],
  exports: [DossierFileQueries, DOSSIER_FILES_CONFIG],
})
export class DossiersModule {}
