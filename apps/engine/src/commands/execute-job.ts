import { parseCycle } from '../model/timer-expression.js';
import { durationMs } from '../model/timer-expression.js';
import type { Command, CommandContext } from './command.js';
import { jobStore, type AcquiredJob } from '../persistence/jobs/job-store.js';

export type { AcquiredJob };

/** Runs one kind of job inside the job's command. Registered per job type. */
export type JobHandler = (ctx: CommandContext, job: AcquiredJob) => Promise<void>;

/**
 * Executes a job this node acquired. The instance is locked first (the same order every other
 * command uses), then the job is re-read: if another node already ran it after our lock expired,
 * it is gone and nothing happens — state changes commit with the job's deletion, exactly once.
 */
export class ExecuteJob implements Command<'done' | 'gone'> {
  readonly name = 'execute-job';

  constructor(
    private readonly jobId: string,
    private readonly instanceId: string | null,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
  ) {}

  async execute(ctx: CommandContext): Promise<'done' | 'gone'> {
    let job: AcquiredJob | undefined;
    if (this.instanceId) {
      // The instance's jobs came with it under the instance lock, which every command that
      // touches them takes first: a job missing from them has already run.
      const state = await ctx.runtime.load(this.instanceId);
      const row = state?.jobs.get(this.jobId);
      if (!row) return 'gone';
      // Suspended after this node took the job: hand it back untouched; it runs on resumption.
      if (state!.instance.suspended && row.type !== 'migrate-instance') {
        await jobStore.release(ctx.sql, row.id);
        return 'gone';
      }
      job = { id: row.id, type: row.type, instance_id: row.instanceId, execution_id: row.executionId, element_id: row.elementId, definition_id: row.definitionId, payload: row.payload, due_at: row.dueAt };
    } else {
      job = await jobStore.lock(ctx.sql, this.jobId);
    }
    if (!job) return 'gone';
    const handler = this.handlers.get(job.type);
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    await handler(ctx, job);
    return 'done';
  }
}

/** A timer of a running instance fired: a catch event, an event-based gateway's branch or a boundary event. */
export const fireTimer: JobHandler = async (ctx, job) => {
  const rt = ctx.runtime;
  const state = (await rt.load(job.instance_id!))!;
  state.jobs.delete(job.id);
  const token = job.execution_id ? state.executions.get(job.execution_id) : undefined;
  if (!token) return; // the token moved on; the job was stale
  await rt.eventOccurred(state, token, job.element_id, {});
};

/** A timer start event fired: start an instance, and re-arm a cycle that has repetitions left. */
export const fireStartTimer: JobHandler = async (ctx, job) => {
  const definition = await ctx.services.definitions.byId(ctx.sql, job.definition_id);
  const state = await ctx.runtime.startInstance(definition, { startEventId: job.element_id });
  await ctx.audit({ operation: 'start', entityType: 'process_instance', entityId: state.id, instanceId: state.id, details: { timerStart: job.element_id } });
  const timer = definition.graph.nodes.get(job.element_id)?.timer;
  const fired = Number(job.payload?.fired ?? 0) + 1;
  const cycle = timer?.kind === 'cycle' ? parseCycle(timer.expression) : undefined;
  if (cycle && (cycle.repetitions === undefined || fired < cycle.repetitions)) {
    await jobStore.rearmStartTimer(ctx.sql, job.id, new Date(new Date(job.due_at).getTime() + durationMs(cycle.interval)), JSON.stringify({ fired }));
  } else {
    await jobStore.remove(ctx.sql, job.id);
  }
};
