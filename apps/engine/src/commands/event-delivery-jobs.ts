import type { JobHandler } from './execute-job.js';
import { jobStore } from '../persistence/jobs/job-store.js';

/**
 * Deliveries of signals and messages thrown by other commands (persistence/event-bus.ts). Each
 * runs in its own command: the receiving instance is locked, the subscription looked up again —
 * a token that moved on meanwhile makes the delivery void — and the job is deleted with the
 * state change, so every waiting subscription receives the event exactly once.
 */
const deliver: JobHandler = async (ctx, job) => {
  const payload = job.payload as { instanceId: string; subscriptionId: string; variables?: Record<string, unknown> };
  await jobStore.remove(ctx.sql, job.id);
  const rt = ctx.runtime;
  const state = await rt.load(payload.instanceId);
  const sub = state?.subscriptions.get(payload.subscriptionId);
  const token = sub?.executionId ? state!.executions.get(sub.executionId) : undefined;
  if (!state || !sub || !token || state.instance.state !== 'active') return;
  await rt.eventOccurred(state, token, sub.elementId, { variables: payload.variables ?? {} });
};

const start: JobHandler = async (ctx, job) => {
  const payload = job.payload as { variables?: Record<string, unknown>; businessKey?: string | null; signalName?: string; messageName?: string };
  await jobStore.remove(ctx.sql, job.id);
  const definition = await ctx.services.definitions.byId(ctx.sql, job.definition_id);
  const variables = payload.variables ?? {};
  const state = await ctx.runtime.startInstance(definition, { startEventId: job.element_id, businessKey: payload.businessKey ?? null, variables }, { variables: {} });
  await ctx.audit({
    operation: 'start',
    entityType: 'process_instance',
    entityId: state.id,
    instanceId: state.id,
    details: payload.signalName ? { signalName: payload.signalName } : { messageName: payload.messageName },
  });
};

export const eventDeliveryJobHandlers: Record<string, JobHandler> = {
  signal: deliver,
  message: deliver,
  'signal-start': start,
  'message-start': start,
};
