export { DOSSIER_FILES_CONFIG } from './dossier-files.controller.js';
