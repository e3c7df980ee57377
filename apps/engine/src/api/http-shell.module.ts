import { Global, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CalendarService } from '../persistence/calendar/calendar-service.js';
import { Engine } from '../engine.js';
import { AccessTokens } from '../identity/access-token.js';
import { LoginThrottle } from '../persistence/identity/login-throttle.js';
import { Organisation } from '../persistence/identity/organisation.js';
import { Sessions, type SessionOptions } from '../persistence/identity/sessions.js';
import { SingleSignOn, type SingleSignOnConfig } from '../identity/single-sign-on.js';
import { TokenRevocations } from '../persistence/identity/token-revocations.js';
import { DatabaseNotifications } from '../persistence/database-notifications.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SINGLE_SIGN_ON } from './auth/single-sign-on.controller.js';
import { DomainExceptionFilter } from './errors/domain-exception.filter.js';

/** What the process that serves HTTP builds outside Nest and hands in: the engine and who works with it. */
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

/** Shell services the feature modules inject (the guard and the filter apply app-wide on their own). */
const SHARED = [Engine, Organisation, CalendarService, SINGLE_SIGN_ON, AccessTokens, LoginThrottle, TokenRevocations, Sessions];

/**
 * The NestJS shell around the plain-TypeScript engine, global to every feature module: the
 * engine, the organisation and the calendar as they were built outside, the session services,
 * and the guard and exception filter every request passes. A spec that boots a few feature
 * modules gives what it has; the organisation and the calendar are made over the engine's
 * database when not given.
 */
@Global()
@Module({})
export class HttpShellModule {
  static register(services: Pick<AppServices, 'engine' | 'tokens'> & Partial<AppServices>): DynamicModule {
    const { engine } = services;
    const organisation = services.organisation ?? new Organisation(engine.db);
    return {
      module: HttpShellModule,
      providers: [
        { provide: Engine, useValue: engine },
        { provide: Organisation, useValue: organisation },
        { provide: CalendarService, useValue: services.calendar ?? new CalendarService(engine.db) },
        { provide: SINGLE_SIGN_ON, useValue: { sso: services.singleSignOn ? new SingleSignOn(services.singleSignOn, engine.db, organisation) : null } },
        ...httpShellProviders(services),
      ],
      exports: SHARED,
    };
  }
}
