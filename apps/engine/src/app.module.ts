import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthController } from './api/auth/auth.controller.js';
import { AuthGuard } from './api/auth/auth.guard.js';
import { DeploymentsController } from './api/deployments/deployments.controller.js';
import { DomainExceptionFilter } from './api/errors/domain-exception.filter.js';
import { MessagesController } from './api/messages/messages.controller.js';
import { SignalsController } from './api/signals/signals.controller.js';
import { MessageOutboxController } from './api/message-outbox/message-outbox.controller.js';
import { HealthController } from './api/operations/health.controller.js';
import { IncidentsController } from './api/operations/incidents.controller.js';
import { OrganisationController } from './api/organisation/organisation.controller.js';
import { ProcessDefinitionsController } from './api/process-definitions/process-definitions.controller.js';
import { ProcessInstancesController } from './api/process-instances/process-instances.controller.js';
import { TasksController } from './api/tasks/tasks.controller.js';
import { CalendarController } from './api/calendar/calendar.controller.js';
import { DossiersController } from './api/dossiers/dossiers.controller.js';
import { NotificationsController } from './api/notifications/notifications.controller.js';
import { ProcedureAnnexController } from './api/procedure-annex/procedure-annex.controller.js';
import { PetitionsController, PublicPetitionsController } from './api/petitions/petitions.controller.js';
import { DossierPaymentsController, PublicPaymentsController } from './api/payments/payments.controller.js';
import { CalendarService } from './persistence/calendar/calendar-service.js';
import { reengineeringControllers } from './api/reengineering/index.js';
import { documentControllers } from './api/documents/index.js';
import { publicControllers } from './api/public/index.js';
import { reportControllers } from './api/reports/index.js';
import { operationsControllers } from './api/operations/operations.controllers.js';
import { dossierFileControllers } from './api/dossier-files/index.js';
import { Engine } from './engine.js';
import { AccessTokens } from './identity/access-token.js';
import { LoginThrottle } from './persistence/identity/login-throttle.js';
import { Organisation } from './persistence/identity/organisation.js';
import { TokenRevocations } from './persistence/identity/token-revocations.js';
import { Sessions, type SessionOptions } from './persistence/identity/sessions.js';
import { SingleSignOn, type SingleSignOnConfig } from './identity/single-sign-on.js';
import { SINGLE_SIGN_ON, SingleSignOnController } from './api/auth/single-sign-on.controller.js';
import { DatabaseNotifications } from './persistence/database-notifications.js';

export interface AppServices {
  engine: Engine;
  organisation: Organisation;
  tokens: AccessTokens;
  calendar: CalendarService;
  /** Signed-out tokens and ended sessions; made here when not given. */
  revocations?: TokenRevocations;
  /** Token and session lifetimes (default 15 minutes and 12 hours). */
  sessions?: SessionOptions;
  /** The agency's identity provider, when officers sign in there (ONEDOOR_OIDC_*). */
  singleSignOn?: SingleSignOnConfig;
}

/** Keeps this node's list of revoked tokens fresh while the app runs. */
@Injectable()
class RevocationsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly revocations: TokenRevocations) {}
  onApplicationBootstrap(): Promise<void> {
    return this.revocations.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.revocations.stop();
  }
}

/**
 * What every HTTP app of ours needs around its controllers, the full one and the partial ones
 * specs build: tokens and their revocations, the login throttle, the guard, the error filter.
 */
export function httpShellProviders(services: Pick<AppServices, 'engine' | 'tokens' | 'revocations' | 'sessions'>): Provider[] {
  const db = services.engine.db;
  const revocations = services.revocations ?? new TokenRevocations(db, { notifications: new DatabaseNotifications(db.connectionOptions, { log: (m) => console.warn(m) }) });
  return [
    { provide: AccessTokens, useValue: services.tokens },
    { provide: LoginThrottle, useValue: new LoginThrottle(db) },
    { provide: TokenRevocations, useValue: revocations },
    { provide: Sessions, useValue: new Sessions(db, services.tokens, revocations, services.sessions) },
    RevocationsLifecycle,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
  ];
}

/** Every controller of the app (the OpenAPI document reads their inputs from here too). */
export const APP_CONTROLLERS = [
  AuthController,
  SingleSignOnController,
  OrganisationController,
  DeploymentsController,
  ProcessDefinitionsController,
  ProcessInstancesController,
  TasksController,
  MessagesController,
  SignalsController,
  MessageOutboxController,
  IncidentsController,
  HealthController,
  DossiersController,
  CalendarController,
  NotificationsController,
  ProcedureAnnexController,
  PetitionsController,
  PublicPetitionsController,
  DossierPaymentsController,
  PublicPaymentsController,
  ...reengineeringControllers,
  ...documentControllers,
  ...publicControllers,
  ...reportControllers,
  ...operationsControllers,
  ...dossierFileControllers,
];

/**
 * The NestJS shell around the plain-TypeScript engine: controllers authenticate, validate and
 * delegate; the engine, organisation and token service are built outside and handed in.
 */
@Module({})
export class AppModule {
  static register(services: AppServices): DynamicModule {
    return {
      module: AppModule,
      controllers: APP_CONTROLLERS,
      providers: [
        { provide: Engine, useValue: services.engine },
        { provide: Organisation, useValue: services.organisation },
        { provide: CalendarService, useValue: services.calendar },
        { provide: SINGLE_SIGN_ON, useValue: { sso: services.singleSignOn ? new SingleSignOn(services.singleSignOn, services.engine.db, services.organisation) : null } },
        ...httpShellProviders(services),
      ],
    };
  }
}
