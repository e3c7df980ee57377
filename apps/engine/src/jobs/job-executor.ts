import { InstanceStore } from '../persistence/instance-store.js';
import type { Database } from '../persistence/database.js';
import { SYSTEM_ACTOR } from '../commands/command.js';
import type { CommandExecutor } from '../commands/command-executor.js';
import { ExecuteJob, type JobHandler } from '../commands/execute-job.js';
import { isDatabaseOutage } from '../persistence/database-outage.js';
import { PollLoop, type PollLoopState } from './poll-loop.js';
import { JobQueue, type TakenJob } from '../persistence/jobs/job-queue.js';

export interface JobExecutorOptions {
  /** This engine node's name, recorded as the lock owner. */
  nodeId: string;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long an acquired job stays ours; a crashed node's jobs are picked up after this. */
  lockMs?: number;
  /** Back-off after the first failure; doubles each retry. */
  retryBackoffMs?: number;
  /** Jobs of different instances run this many at a time (one instance's jobs run in due order). */
  concurrency?: number;
  log?: (message: string) => void;
}

/**
 * Polls due jobs with FOR UPDATE SKIP LOCKED, so any number of engine nodes share one database
 * and each job runs once. A failing job is retried with back-off; out of retries it becomes an
 * incident and stops being polled, without holding up other jobs.
 */
export class JobExecutor {
  private readonly loop: PollLoop;
  private readonly queue: JobQueue;
  private readonly sweeps: (() => Promise<number>)[] = [];
  lastPollAt?: Date;

  constructor(
    db: Database,
    private readonly commands: CommandExecutor,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: JobExecutorOptions,
  ) {
    this.queue = new JobQueue(db);
    this.loop = new PollLoop(PollLoop.batches(() => this.pollOnce(), this.batchSize), {
      name: `job executor (${options.nodeId})`,
      intervalMs: options.pollIntervalMs ?? 500,
      log: options.log,
      database: db,
      // Jobs this node held when the database went away were neither run nor failed: let any
      // node take them now instead of waiting for their lock to expire.
      onRecovered: () => this.releaseLocks().then(() => undefined),
    });
  }

  get isRunning(): boolean {
    return this.loop.state !== 'stopped';
  }

  /** running, paused (waiting out a database outage) or stopped. */
  get state(): PollLoopState {
    return this.loop.state;
  }

  start(): void {
    this.loop.start();
  }

  /**
   * Stops polling, lets the jobs in hand finish (no new one starts), and hands back the locks of
   * jobs acquired but not run, so another node runs them without waiting for the lock to expire.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    try {
      await this.loop.stop();
      await this.releaseLocks().catch(() => undefined);
    } finally {
      this.stopping = false;
    }
  }

  private stopping = false;

  private get batchSize(): number {
    return this.options.batchSize ?? 100;
  }

  /** Set-based work run at every poll (e.g. escalating overdue steps); returns rows handled. */
  addSweep(sweep: () => Promise<number>): void {
    this.sweeps.push(sweep);
  }

  /** Nudges the executor to poll now (e.g. after a command created a job due soon). */
  wake(): void {
    this.loop.wake();
  }

  /** Clears this node's locks on jobs it is not running; returns how many. */
  private async releaseLocks(): Promise<number> {
    return this.queue.releaseAll(this.options.nodeId);
  }

  /** Acquires and runs one batch of due jobs; returns how many were acquired. */
  async pollOnce(): Promise<number> {
    this.lastPollAt = new Date();
    for (const sweep of this.sweeps) {
      await sweep().catch((error: Error) => {
        // Without the database, neither the sweep nor the poll below can work: pause the loop.
        if (isDatabaseOutage(error)) throw error;
        this.options.log?.(`sweep failed: ${error.message}`);
      });
    }
    if (this.stopping) return 0;
    const now = this.commands.services.clock.now();
    const acquired = await this.queue.takeDue(this.options.nodeId, this.options.lockMs ?? 60_000, now, this.options.batchSize ?? 100);
    return this.runAcquired(acquired);
  }

  /**
   * Runs the given jobs now on this node, if no node holds them (a signal's deliveries, right
   * after its broadcast committed). A job another node took, or already ran, is skipped.
   */
  async runNow(jobIds: string[]): Promise<number> {
    if (jobIds.length === 0) return 0;
    const acquired = await this.queue.takeThese(this.options.nodeId, this.options.lockMs ?? 60_000, jobIds);
    return this.runAcquired(acquired);
  }

  private async runAcquired(acquired: TakenJob[]): Promise<number> {
    // RETURNING has no order: each instance's jobs run in the order they fell due, as time would
    // have run them; different instances run side by side.
    const jobs = acquired.sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime());
    const lanes = new Map<string, typeof jobs>();
    for (const job of jobs) {
      const lane = job.instance_id ?? job.id;
      lanes.set(lane, [...(lanes.get(lane) ?? []), job]);
    }
    const queue = [...lanes.values()];
    let outage: unknown;
    const runLane = async () => {
      // After an outage or once stopping, the jobs left keep their lock until it is released
      // (at recovery, at stop) or expires: they were not run, so they count no failure.
      for (let lane = queue.shift(); lane && !outage && !this.stopping; lane = queue.shift()) {
        for (const job of lane) {
          try {
            await this.commands.execute(new ExecuteJob(job.id, job.instance_id, this.handlers), SYSTEM_ACTOR);
          } catch (error) {
            if (isDatabaseOutage(error)) {
              outage = error;
              break;
            }
            await this.recordFailure(job.id, error as Error).catch((failure) => {
              if (isDatabaseOutage(failure)) outage = failure;
              else throw failure;
            });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 8, queue.length) }, runLane));
    if (outage) throw outage;
    return jobs.length;
  }

  private async recordFailure(jobId: string, error: Error): Promise<void> {
    const backoff = this.options.retryBackoffMs ?? 10_000;
    const message = `${error.message}`.slice(0, 4000);
    // The retry count and due time are part of the instance's rows: no cache may keep the old ones.
    await this.queue.recordFailure(jobId, message, backoff, this.commands.services.clock.now(), (sql, instanceId) =>
      new InstanceStore(sql, this.commands.services.instanceCache).touch(instanceId),
    );
    this.options.log?.(`job ${jobId} failed: ${message}`);
  }
}
