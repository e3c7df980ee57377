import { LookupPageController, PetitionsPageController } from './lookup-page.controller.js';
import { PublicDossiersController } from './public-dossiers.controller.js';
import { PublicResultsController } from './public-results.controller.js';

export { PUBLIC_LOOKUP_LIMITER } from './public-dossiers.controller.js';
export { LookupRateLimiter } from './lookup-rate-limiter.js';
export { PUBLIC_RESULT_LIMITER } from './public-results.controller.js';

/** The applicant-facing endpoints (no token): the dossier lookup API, the /tra-cuu and /phan-anh-kien-nghi pages. */
export const publicControllers = [PublicDossiersController, PublicResultsController, LookupPageController, PetitionsPageController];
