import type { Sql } from '../persistence/database.js';
import type { DefinitionCache } from '../persistence/definition-store.js';
import type { InstanceCache } from '../persistence/instance-cache.js';
import { InstanceStore } from '../persistence/instance-store.js';
import { SqlEventBus } from '../persistence/event-bus.js';
import type { DecisionCache } from '../persistence/decisions/decision-store.js';
import { appendAudit } from '../persistence/audit-log.js';
import type { RuntimePorts, ServiceHandler, TimeRules } from '../runtime/ports.js';
import { Runtime } from '../runtime/runtime.js';
import type { RuntimeEvent } from '../runtime/runtime-events.js';
import type { WorkingCalendar } from '@onedoor/working-calendar';

// Who acts is identity's business; commands take it as given (re-exported for the many callers).
import type { Actor } from '../identity/actor.js';
export type { Actor } from '../identity/actor.js';
export { SYSTEM_ACTOR } from '../identity/actor.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Services the commands share, fixed for the life of an engine node. */
export interface EngineServices {
  definitions: DefinitionCache;
  /** Deployed DMN decisions, parsed once per version. */
  decisions: DecisionCache;
  time: TimeRules;
  handlers: ReadonlyMap<string, ServiceHandler>;
  clock: Clock;
  /** The working calendar in force (law + administrators' overrides). */
  calendar(): WorkingCalendar;
  newId(): string;
  /** Other modules' reactions inside the same transaction (dossier status, audit, outbox). */
  listeners: TransactionListener[];
  /** The instances this node's commands committed last (none: every command reads under lock). */
  instanceCache?: InstanceCache;
}

export type TransactionListener = (ctx: CommandContext, events: RuntimeEvent[]) => Promise<void>;

/** What a command may use: its transaction, the clock reading, and a runtime on demand. */
export class CommandContext {
  readonly store: InstanceStore;
  /** Dossiers this command changed directly (their status is recomputed before commit). */
  readonly touchedDossiers = new Set<string>();
  private runtimeInstance?: Runtime;
  private eventBusInstance?: SqlEventBus;

  constructor(
    readonly sql: Sql,
    readonly services: EngineServices,
    readonly actor: Actor,
    readonly now: Date,
    useCache = true,
  ) {
    this.store = new InstanceStore(sql, useCache ? services.instanceCache : undefined);
  }

  /** Signals and messages leaving this command's instances: jobs and outbox rows in its transaction. */
  get eventBus(): SqlEventBus {
    return (this.eventBusInstance ??= new SqlEventBus(this.sql, this.now, this.services.newId));
  }

  get runtime(): Runtime {
    if (!this.runtimeInstance) {
      const ports: RuntimePorts = {
        definitions: this.services.definitions.source(this.sql),
        events: this.eventBus,
        decisions: this.services.decisions.source(this.sql),
        instances: this.store,
        time: this.services.time,
        handlers: this.services.handlers,
        newId: this.services.newId,
      };
      this.runtimeInstance = new Runtime(ports, this.now, this.actor.username);
    }
    return this.runtimeInstance;
  }

  dossierChanged(code: string): void {
    this.touchedDossiers.add(code);
  }

  get usedRuntime(): Runtime | undefined {
    return this.runtimeInstance;
  }

  /** Appends to the audit log (user_operation): who did what, when, from which state. */
  async audit(entry: { operation: string; entityType: string; entityId: string | null; instanceId?: string | null; fromState?: unknown; details?: unknown }): Promise<void> {
    await appendAudit(this.sql, { at: this.now, username: this.actor.username, ...entry });
  }
}

/** The only way state changes (like Camunda's commands). Each runs in one transaction. */
export interface Command<T> {
  readonly name: string;
  execute(ctx: CommandContext): Promise<T>;
}

export const runtimeEvents = (ctx: CommandContext): RuntimeEvent[] => ctx.usedRuntime?.events ?? [];
