import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from '../../../apps/engine/src/engine.js';
import { SYSTEM_ACTOR, type Clock } from '../../../apps/engine/src/commands/command.js';
import { CompleteTask } from '../../../apps/engine/src/commands/complete-task.js';
import { CorrelateMessage } from '../../../apps/engine/src/commands/correlate-message.js';
import { DeployProcedures } from '../../../apps/engine/src/commands/deploy-procedures.js';
import { StartInstance } from '../../../apps/engine/src/commands/start-instance.js';
import type { ServiceHandler } from '../../../apps/engine/src/runtime/ports.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/** A clock the spec moves by hand, so timers fire when the spec says. */
export class ManualClock implements Clock {
  constructor(public current = new Date('2027-03-01T01:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}


/** An engine on a private database, with helpers that read like the specs' given/when/then. */
export class EngineHarness {
  readonly clock = new ManualClock();
  engine!: Engine;
  db!: TestDatabase;
  /** What the job executor reported (failures), for specs to assert on. */
  readonly jobLog: string[] = [];

  static async create(options: { handlers?: Map<string, ServiceHandler> } = {}): Promise<EngineHarness> {
    const harness = new EngineHarness();
    harness.db = await createTestDatabase();
    harness.engine = new Engine({
      dataSource: harness.db.dataSource,
      clock: harness.clock,
      handlers: options.handlers,
      nodeId: 'test-node',
      log: (m) => harness.jobLog.push(m),
    });
    return harness;
  }

  async close(): Promise<void> {
    await this.engine.jobs.stop();
    await this.db.close();
  }

  /** Deploys fixture files that sit beside the calling spec. */
  async deploy(dir: string, ...files: string[]) {
    const resources = await Promise.all(files.map(async (f) => ({ name: f, xml: await readFile(path.join(dir, f), 'utf8') })));
    return this.engine.execute(new DeployProcedures('spec', resources), SYSTEM_ACTOR);
  }

  start(key: string, variables: Record<string, unknown> = {}, businessKey: string | null = null) {
    return this.engine.execute(new StartInstance({ key }, businessKey, variables), SYSTEM_ACTOR);
  }

  async openTasks(instanceId: string) {
    return (await this.engine.tasks.list({ scope: { all: true }, processInstanceId: instanceId, now: this.clock.now() })).items;
  }

  /** Completes the one open task at `elementId`. */
  async complete(instanceId: string, elementId: string, variables: Record<string, unknown> = {}) {
    const task = (await this.openTasks(instanceId)).find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId}; open: ${(await this.openTasks(instanceId)).map((t) => t.elementId).join(', ')}`);
    await this.engine.execute(new CompleteTask(task.id, variables), SYSTEM_ACTOR);
  }

  correlate(messageName: string, options: { businessKey?: string; processInstanceId?: string; variables?: Record<string, unknown> } = {}) {
    return this.engine.execute(new CorrelateMessage(messageName, options.businessKey ?? null, options.processInstanceId ?? null, options.variables ?? {}), SYSTEM_ACTOR);
  }

  /** Broadcasts a signal as `POST /api/signals` does: deliveries written, then run at once. */
  signal(signalName: string, variables: Record<string, unknown> = {}) {
    return this.engine.broadcastSignal(signalName, variables, SYSTEM_ACTOR);
  }

  /** Runs the jobs due now (deliveries of signals and messages thrown by processes). */
  async runDueJobs(): Promise<void> {
    await this.advance(0);
  }

  instance(id: string) {
    return this.engine.instances.get(id);
  }

  async activeIds(id: string): Promise<string[]> {
    return (await this.instance(id)).activeActivityIds;
  }

  /** Moves the clock on and runs every job that is then due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    for (let round = 0; round < 50; round++) if ((await this.engine.jobs.pollOnce()) === 0) return;
    throw new Error(`jobs kept coming due: ${this.jobLog.slice(-3).join(' | ')}`);
  }

  async completedActivities(id: string): Promise<string[]> {
    return (await this.engine.instances.history(id)).filter((h) => h.state === 'completed').map((h) => h.activityId);
  }
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
