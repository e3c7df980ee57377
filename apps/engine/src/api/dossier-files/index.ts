import { DossierFilesController } from './dossier-files.controller.js';

export { DOSSIER_FILES_CONFIG } from './dossier-files.controller.js';

/** The dossier's documents: components, reuse, result. */
export const dossierFileControllers = [DossierFilesController];
