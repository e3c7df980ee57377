export { PublicModule } from './public.module.js';
export { PUBLIC_LOOKUP_LIMITER } from './public-dossiers.controller.js';
export { LookupRateLimiter } from './lookup-rate-limiter.js';
export { PUBLIC_RESULT_LIMITER } from './public-results.controller.js';
