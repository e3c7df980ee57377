import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { LookupPageController, PetitionsPageController } from './lookup-page.controller.js';
import { LookupRateLimiter } from './lookup-rate-limiter.js';
import { PublicDossierLookup } from '../../queries/public/public-dossier-lookup.js';
import { PUBLIC_LOOKUP_LIMITER, PublicDossiersController } from './public-dossiers.controller.js';
import { PUBLIC_RESULT_LIMITER, PublicResultsController } from './public-results.controller.js';

/** What an applicant does without an account: look a dossier up, get its electronic result, rate the service. */
@Module({
  imports: [DossiersModule],
  controllers: [PublicDossiersController, PublicResultsController, LookupPageController, PetitionsPageController],
  providers: [
    { provide: PublicDossierLookup, useFactory: (engine: Engine) => new PublicDossierLookup(engine.db), inject: [Engine] },
    // Each endpoint family has its own budget of guesses (30 per 5 minutes per address).
    { provide: PUBLIC_LOOKUP_LIMITER, useFactory: () => new LookupRateLimiter() },
    { provide: PUBLIC_RESULT_LIMITER, useFactory: () => new LookupRateLimiter() },
  ],
})
export class PublicModule {}
