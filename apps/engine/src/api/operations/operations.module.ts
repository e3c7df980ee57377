import { Module } from '@nestjs/common';
import { Engine } from '../../engine.js';
import { OperationsQueries } from '../../queries/operations/operations-queries.js';
import { HealthController } from './health.controller.js';
import { IncidentsController } from './incidents.controller.js';
import { operationsControllers } from './operations.controllers.js';

/** Cockpit for operators: health, incidents, instance interventions, suspension, migration, the dashboard. */
@Module({
  controllers: [HealthController, IncidentsController, ...operationsControllers],
  providers: [{ provide: OperationsQueries, useFactory: (engine: Engine) => new OperationsQueries(engine.db), inject: [Engine] }],
})
export class OperationsModule {}
