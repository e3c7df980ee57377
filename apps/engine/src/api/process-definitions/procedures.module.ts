import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { Organisation } from '../../identity/organisation.js';
import { AnnexQuery } from '../../procedure-annex/annex-query.js';
import { DeploymentsController } from '../deployments/deployments.controller.js';
import { ProcedureAnnexController } from '../procedure-annex/procedure-annex.controller.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';

/** Procedures as designed: deploying BPMN, the deployed versions, their annex tables. */
@Module({
  controllers: [DeploymentsController, ProcessDefinitionsController, ProcedureAnnexController],
  providers: [{ provide: AnnexQuery, useFactory: (engine: Engine, organisation: Organisation) => new AnnexQuery(organisation, engine.definitions), inject: [Engine, Organisation] }],
})
export class ProceduresModule {}
