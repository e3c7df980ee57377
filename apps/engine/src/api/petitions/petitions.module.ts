import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { PetitionQueries } from '../../queries/petitions/petition-queries.js';
import { LookupRateLimiter } from '../public/lookup-rate-limiter.js';
import { PETITION_SUBMISSION_LIMITER, PetitionsController, PublicPetitionsController } from './petitions.controller.js';

/** Applicants' petitions (phản ánh, kiến nghị): filed publicly, answered by the agency. */
@Module({
  controllers: [PetitionsController, PublicPetitionsController],
  providers: [
    { provide: PetitionQueries, useFactory: (engine: Engine) => new PetitionQueries(engine.db), inject: [Engine] },
    { provide: PETITION_SUBMISSION_LIMITER, useFactory: () => new LookupRateLimiter(5, 10 * 60_000) },
  ],
})
export class PetitionsModule {}
