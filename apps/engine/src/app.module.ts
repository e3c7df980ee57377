import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuthModule } from './api/auth/auth.module.js';
import { CalendarModule } from './api/calendar/calendar.module.js';
import { DocumentsModule } from './api/documents/documents.module.js';
import { DossiersModule } from './api/dossiers/dossiers.module.js';
import { HttpShellModule, type AppServices } from './api/http-shell.module.js';
import { NotificationsModule } from './api/notifications/notifications.module.js';
import { OperationsModule } from './api/operations/operations.module.js';
import { OrganisationModule } from './api/organisation/organisation.module.js';
import { PaymentsModule } from './api/payments/payments.module.js';
import { PetitionsModule } from './api/petitions/petitions.module.js';
import { ProceduresModule } from './api/process-definitions/procedures.module.js';
import { InstancesModule } from './api/process-instances/instances.module.js';
import { PublicModule } from './api/public/public.module.js';
import { ReengineeringModule } from './api/reengineering/reengineering.module.js';
import { ReportsModule } from './api/reports/reports.module.js';
import { TasksModule } from './api/tasks/tasks.module.js';

export { httpShellProviders, type AppServices } from './api/http-shell.module.js';

/** One Nest module per feature of the API, each with its controllers and the services they are given. */
export const FEATURE_MODULES: Type[] = [
  AuthModule,
  OrganisationModule,
  CalendarModule,
  ProceduresModule,
  InstancesModule,
  TasksModule,
  NotificationsModule,
  DossiersModule,
  DocumentsModule,
  PaymentsModule,
  PetitionsModule,
  PublicModule,
  ReportsModule,
  ReengineeringModule,
  OperationsModule,
];

/** Every controller of the app, read from the feature modules (the OpenAPI document reads their inputs from here too). */
export const APP_CONTROLLERS: Type[] = FEATURE_MODULES.flatMap((module) => (Reflect.getMetadata('controllers', module) as Type[] | undefined) ?? []);

/**
 * The NestJS shell around the plain-TypeScript engine: the feature modules over the global
 * shell module, which holds the engine, organisation and token service built outside.
 */
@Module({})
export class AppModule {
  static register(services: AppServices): DynamicModule {
    return { module: AppModule, imports: [HttpShellModule.register(services), ...FEATURE_MODULES] };
  }
}
