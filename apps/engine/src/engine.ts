import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { systemClock, type Actor, type Clock, type Command, type EngineServices, type TransactionListener } from './commands/command.js';
import { CommandExecutor } from './commands/command-executor.js';
import { fireStartTimer, fireTimer, type JobHandler } from './commands/execute-job.js';
import { eventDeliveryJobHandlers } from './commands/event-delivery-jobs.js';
import { BroadcastSignal } from './commands/broadcast-signal.js';
import { MIGRATE_INSTANCE_JOB, migrateInstanceJob } from './operations/migration/migrate-instance.js';
import { JobExecutor } from './jobs/job-executor.js';
import { historyUpkeep } from './history/history-upkeep.js';
import { Database } from './persistence/database.js';
import { DefinitionCache } from './persistence/definition-store.js';
import { DecisionCache } from './persistence/decisions/decision-store.js';
import { InstanceCache } from './persistence/instance-cache.js';
import { IdempotencyStore } from './persistence/idempotency-store.js';
import { TokenRevocations } from './persistence/identity/token-revocations.js';
import { Sessions } from './persistence/identity/sessions.js';
import { LoginThrottle } from './persistence/identity/login-throttle.js';
import { DefinitionQueries } from './queries/definition-queries.js';
import { InstanceQueries } from './queries/instance-queries.js';
import { TaskQueries } from './queries/task-queries.js';
import type { ServiceHandler, TimeRules } from './runtime/ports.js';
import type { DataSource } from 'typeorm';
import { WorkingCalendar } from '@onedoor/working-calendar';
import { calendarTimeRules } from './calendar/calendar-time-rules.js';

/**
 * Rows kept only for a while, cleared every 10 minutes: idempotency keys after a day (a client
 * retries within minutes), signed-out tokens and refresh tokens once expired anyway, failed
 * sign-in counters quiet for a day.
 */
function housekeeping(db: Database, clock: Clock): () => Promise<number> {
  let last = 0;
  return async () => {
    const now = clock.now().getTime();
    if (now - last < 10 * 60_000) return 0;
    last = now;
    const keys = await db.transaction((sql) => IdempotencyStore.forgetOlderThan(sql, new Date(now - 24 * 3_600_000)));
    return keys.length + (await TokenRevocations.forgetExpired(db)) + (await Sessions.forgetExpired(db)) + (await LoginThrottle.forgetQuiet(db));
  };
}

export interface EngineOptions {
  dataSource: DataSource;
  clock?: Clock;
  /** The working calendar in force; allowances and working-time timers run on it. */
  calendar?: () => WorkingCalendar;
  /** Overrides the calendar for step due dates and timers (specs that want wall-clock days). */
  time?: TimeRules;
  handlers?: Map<string, ServiceHandler>;
  nodeId?: string;
  jobPollIntervalMs?: number;
  /** How long a job this node acquired stays locked to it (default 60 s). */
  jobLockMs?: number;
  jobRetryBackoffMs?: number;
  /** Jobs this node runs side by side (default 8); more lanes, bigger commit groups under a burst of timers. */
  jobConcurrency?: number;
  log?: (message: string) => void;
  /** Active instances whose rows this node keeps between commands (0: read every instance under lock). */
  instanceCacheSize?: number;
  /** Commit the one-batch commands that are ready together in one transaction (default on; commit-groups.ts). */
  groupCommit?: boolean;
  /** Batches (groups or lone commands) in flight at once when committing in groups (default 4). */
  commitSlots?: number;
}

/**
 * One engine node, in plain TypeScript: commands (the write path), queries (the read side) and
 * the job executor, over one database. The NestJS app wraps this; tests and benchmarks use it
 * directly.
 */
export class Engine {
  readonly db: Database;
  readonly services: EngineServices;
  readonly commands: CommandExecutor;
  readonly jobs: JobExecutor;
  readonly jobHandlers = new Map<string, JobHandler>([
    ['timer', fireTimer],
    ['timer-start', fireStartTimer],
    ...Object.entries(eventDeliveryJobHandlers),
    [MIGRATE_INSTANCE_JOB, migrateInstanceJob],
  ]);
  readonly definitions: DefinitionQueries;
  readonly instances: InstanceQueries;
  readonly tasks: TaskQueries;
  readonly nodeId: string;
  /** Set when the node is shutting down: /health answers 503 so load balancers stop sending work. */
  draining = false;

  constructor(options: EngineOptions) {
    this.db = new Database(options.dataSource, { groupCommit: options.groupCommit, commitSlots: options.commitSlots });
    this.nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const fixedCalendar = WorkingCalendar.vietnam();
    const calendar = options.calendar ?? (() => fixedCalendar);
    this.services = {
      definitions: new DefinitionCache(),
      decisions: new DecisionCache(),
      time: options.time ?? calendarTimeRules(calendar),
      calendar,
      handlers: options.handlers ?? new Map(),
      clock: options.clock ?? systemClock,
      newId: randomUUID,
      listeners: [],
      instanceCache: new InstanceCache(options.instanceCacheSize ?? 10_000),
    };
    this.commands = new CommandExecutor(this.db, this.services);
    this.jobs = new JobExecutor(this.db, this.commands, this.jobHandlers, {
      nodeId: this.nodeId,
      pollIntervalMs: options.jobPollIntervalMs,
      lockMs: options.jobLockMs,
      retryBackoffMs: options.jobRetryBackoffMs,
      concurrency: options.jobConcurrency,
      log: options.log,
    });
    this.jobs.addSweep(housekeeping(this.db, this.services.clock));
    this.jobs.addSweep(historyUpkeep(this.db, this.services.clock, this.nodeId, options.log));
    this.definitions = new DefinitionQueries(this.db, this.services.definitions);
    this.instances = new InstanceQueries(this.db);
    this.tasks = new TaskQueries(this.db);
  }

  execute<T>(command: Command<T>, actor: Actor): Promise<T> {
    return this.commands.execute(command, actor);
  }

  /**
   * Broadcasts a signal (`POST /api/signals`): the deliveries are written in one transaction,
   * then run here at once; any a crash leaves behind, the job executor of any node runs later.
   */
  async broadcastSignal(signalName: string, variables: Record<string, unknown>, actor: Actor): Promise<{ delivered: number }> {
    const { delivered, deliveryJobIds } = await this.execute(new BroadcastSignal(signalName, variables), actor);
    await this.jobs.runNow(deliveryJobIds);
    return { delivered };
  }

  onTransaction(listener: TransactionListener): void {
    this.services.listeners.push(listener);
  }

  setTimeRules(time: TimeRules): void {
    (this.services as { time: TimeRules }).time = time;
  }

  now(): Date {
    return this.services.clock.now();
  }
}
