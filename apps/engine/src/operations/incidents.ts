import type { Command, CommandContext } from '../commands/command.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { requireReason } from './reason.js';
import { incidentStore, type IncidentRow } from '../persistence/operations/incident-store.js';
import type { IncidentResolvedView, IncidentRetriedView } from '@onedoor/contract';

/** Retries a failed job gets back when an administrator retries its incident. */
export const RETRIES_ON_RETRY = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The incident, locked, once it is known to be open. The instance is locked first (the order
 * every command takes), so a retry and a job run of the same instance queue behind each other;
 * a second retry of the same incident finds it resolved: 409.
 */
async function lockOpenIncident(ctx: CommandContext, incidentId: string): Promise<IncidentRow> {
  if (!UUID.test(incidentId)) throw notFound('Incident', incidentId);
  const peek = await incidentStore.instanceOf(ctx.sql, incidentId);
  if (!peek) throw notFound('Incident', incidentId);
  if (peek.instance_id) await ctx.runtime.load(peek.instance_id);
  const incident = await incidentStore.lock(ctx.sql, incidentId);
  if (incident.resolved_at) throw conflict(`incident ${incidentId} is already resolved`);
  return incident;
}

/**
 * Retries the failed job of an incident: its retries are reset and it falls due now, so the
 * next poll of any node runs it — once, since nodes take jobs with FOR UPDATE SKIP LOCKED and a
 * job is deleted in the transaction of its run. If it fails again, a new incident opens.
 */
export class RetryIncident implements Command<IncidentRetriedView> {
  readonly name = 'retry-incident';
  private readonly reason: string;

  constructor(
    private readonly incidentId: string,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<IncidentRetriedView> {
    const incident = await lockOpenIncident(ctx, this.incidentId);
    const state = incident.instance_id ? await ctx.runtime.load(incident.instance_id) : undefined;
    const job = incident.job_id ? state?.jobs.get(incident.job_id) : undefined;
    if (job) {
      job.retries = RETRIES_ON_RETRY;
      job.dueAt = ctx.now;
    } else {
      const free = incident.job_id ? await incidentStore.rearmFailedJob(ctx.sql, incident.job_id, RETRIES_ON_RETRY, ctx.now) : false;
      if (!free) throw conflict(`the job of incident ${this.incidentId} no longer exists: resolve the incident instead`);
    }
    await incidentStore.resolve(ctx.sql, incident.id, ctx.now);
    await ctx.audit({ operation: 'retry-incident', entityType: 'incident', entityId: incident.id, instanceId: incident.instance_id, fromState: { message: incident.message, elementId: incident.element_id }, details: { reason: this.reason, jobId: incident.job_id } });
    return { incidentId: incident.id, jobId: incident.job_id, retries: RETRIES_ON_RETRY, dueAt: ctx.now };
  }
}

/**
 * Resolves an incident without running its job again: the administrator put things right by
 * other means (moved the token, edited a variable and the step was redone by hand). The failed
 * job is deleted with it, so nothing runs later by surprise.
 */
export class ResolveIncident implements Command<IncidentResolvedView> {
  readonly name = 'resolve-incident';
  private readonly reason: string;

  constructor(
    private readonly incidentId: string,
    reason: string,
  ) {
    this.reason = requireReason(reason);
  }

  async execute(ctx: CommandContext): Promise<IncidentResolvedView> {
    const incident = await lockOpenIncident(ctx, this.incidentId);
    const state = incident.instance_id ? await ctx.runtime.load(incident.instance_id) : undefined;
    if (incident.job_id) {
      if (state?.jobs.has(incident.job_id)) state.jobs.delete(incident.job_id);
      else await incidentStore.removeFailedJob(ctx.sql, incident.job_id);
    }
    await incidentStore.resolve(ctx.sql, incident.id, ctx.now);
    await ctx.audit({ operation: 'resolve-incident', entityType: 'incident', entityId: incident.id, instanceId: incident.instance_id, fromState: { message: incident.message, elementId: incident.element_id }, details: { reason: this.reason, jobId: incident.job_id } });
    return { incidentId: incident.id, resolvedAt: ctx.now };
  }
}
