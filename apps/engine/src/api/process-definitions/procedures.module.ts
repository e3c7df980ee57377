import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { Organisation } from '../../persistence/identity/organisation.js';
import { AnnexQuery } from '../../procedure-annex/annex-query.js';
import { DefinitionQueries } from '../../queries/definition-queries.js';
import { DeploymentsController } from '../deployments/deployments.controller.js';
import { ProcedureAnnexController } from '../procedure-annex/procedure-annex.controller.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';

/** Procedures as designed: deploying BPMN, the deployed versions, their annex tables. */
@Module({
  controllers: [DeploymentsController, ProcessDefinitionsController, ProcedureAnnexController],
  providers: [
    { provide: DefinitionQueries, useFactory: (engine: Engine) => engine.definitions, inject: [Engine] },
    { provide: AnnexQuery, useFactory: (organisation: Organisation, definitions: DefinitionQueries) => new AnnexQuery(organisation, definitions), inject: [Organisation, DefinitionQueries] },
  ],
})
export class ProceduresModule {}
