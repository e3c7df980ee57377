import { LookupPageController } from './lookup-page.controller.js';
import { PublicDossiersController } from './public-dossiers.controller.js';
import { PublicResultsController } from './public-results.controller.js';

export { PUBLIC_LOOKUP_LIMITER } from './public-dossiers.controller.js';
export { LookupRateLimiter } from './lookup-rate-limiter.js';
export { PUBLIC_RESULT_LIMITER } from './public-results.controller.js';

/** The applicant-facing endpoints (no token): the dossier lookup API and the /tra-cuu page. */
export const publicControllers = [PublicDossiersController, PublicResultsController, LookupPageController];
