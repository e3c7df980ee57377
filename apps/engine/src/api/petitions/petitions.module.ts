import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { PetitionQueries } from '../../petitions/petition-queries.js';
import { PetitionsController, PublicPetitionsController } from './petitions.controller.js';

/** Applicants' petitions (phản ánh, kiến nghị): filed publicly, answered by the agency. */
@Module({
  controllers: [PetitionsController, PublicPetitionsController],
  providers: [{ provide: PetitionQueries, useFactory: (engine: Engine) => new PetitionQueries(engine.db), inject: [Engine] }],
})
export class PetitionsModule {}
