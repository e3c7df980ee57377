import type { CommandContext } from '../../commands/command.js';
import type { AcquiredJob, JobHandler } from '../../commands/execute-job.js';
import { dossierOfInstance } from '../../persistence/dossiers/dossier-record.js';
import type { InstanceState } from '../../runtime/instance-state.js';
import type { Definition } from '../../runtime/ports.js';
import { activeActivities } from '../modify-instance.js';
import type { MigrationPlan } from '@onedoor/contract';
import { checkPlan } from './migration-plan.js';
import { migrationStore } from '../../persistence/operations/migration-store.js';
import { historyMonthOf } from '../../runtime/rows.js';

export const MIGRATE_INSTANCE_JOB = 'migrate-instance';

/** Why an instance can't move as the plan says; undefined when it can. */
export function refusalOf(state: InstanceState, plan: MigrationPlan, mapping: Map<string, string | null>): string | undefined {
  if (state.instance.state !== 'active') return `the instance is ${state.instance.state}`;
  if (state.instance.suspended) return 'the instance is suspended';
  if (state.instance.definitionId === plan.targetDefinitionId) return 'the instance is already on the target version';
  if (state.instance.definitionId !== plan.sourceDefinitionId) return `the instance runs ${state.instance.definitionId}, not the plan's source ${plan.sourceDefinitionId}`;
  for (const token of state.executions.values()) {
    if (token.id === state.id || !token.activityId) continue;
    const target = mapping.get(token.activityId);
    if (target === undefined || target === null) return `the plan gives no target for step ${token.activityId}`;
    const loopPart = token.state === 'scope' || (token.parentId !== null && token.parentId !== state.id && state.executions.get(token.parentId)?.activityId === token.activityId);
    if (loopPart && target !== token.activityId) return `step ${token.activityId} is running a sub-process or several instances: it can only keep its id`;
  }
  return undefined;
}

/**
 * Moves one locked instance onto the target version (Camunda's migration): every token keeps
 * its place or moves to the mapped step, open steps keep their officer and their due date (the
 * deadline policy: a dossier's step is due when it was due; the legal due date never moves),
 * history of the open steps is re-labelled to the target, the events of moved steps are armed
 * anew, and the dossier follows its instance. Returns the activities before and after.
 */
export async function migrateInstance(ctx: CommandContext, state: InstanceState, plan: MigrationPlan, mapping: Map<string, string | null>, target: Definition): Promise<{ from: string[]; to: string[] }> {
  const rt = ctx.runtime;
  const from = activeActivities(state);
  const sourceId = state.instance.definitionId;
  const moved = new Map<string, string>(); // execution id -> new activity id
  for (const token of state.executions.values()) {
    if (token.id === state.id || !token.activityId) continue;
    const to = mapping.get(token.activityId)!;
    if (to !== token.activityId) moved.set(token.id, to);
  }
  // Events armed for the old step (its boundary timers, its message) go with it.
  for (const token of state.executions.values()) if (moved.has(token.id)) rt.disarm(state, token);
  await rt.definition(target.id);
  state.instance.definitionId = target.id;
  state.instance.definitionKey = target.key;
  const graph = target.graph;
  for (const token of state.executions.values()) {
    const to = moved.get(token.id);
    if (to) token.activityId = to;
    if (token.incomingFlowId && !graph.flows.has(token.incomingFlowId)) token.incomingFlowId = null;
  }
  // Every history row of the instance is in its start month's partition.
  const month = historyMonthOf(state.instance.startedAt);
  for (const task of state.tasks.values()) {
    task.definitionId = target.id;
    task.definitionKey = target.key;
    const to = moved.get(task.executionId);
    if (!to) continue;
    const node = graph.nodes.get(to)!;
    task.elementId = to;
    task.name = node.name ?? null;
    task.departmentCode = node.step.departmentCode ?? task.departmentCode;
    task.role = node.step.role ?? task.role;
    await migrationStore.moveTask(ctx.sql, task, to, month);
  }
  for (const token of state.executions.values()) {
    const to = moved.get(token.id);
    if (!to) continue;
    const node = graph.nodes.get(to)!;
    if (token.activityInstanceId) {
      await migrationStore.moveActivity(ctx.sql, token.activityInstanceId, to, node.name ?? null, month);
    }
    if (node.type === 'intermediateCatchEvent' || node.type === 'receiveTask') rt.armEvent(state, token, node);
    for (const boundaryId of node.boundaryIds) rt.armEvent(state, token, graph.nodes.get(boundaryId)!);
  }
  // Rows written beside the runtime's unit of work: the instance, its steps, its timers, its open history.
  for (const job of state.jobs.values()) job.definitionId = target.id;
  for (const sub of state.subscriptions.values()) sub.definitionId = target.id;
  await migrationStore.retarget(ctx.sql, state.id, target, month);
  const dossier = await dossierOfInstance(ctx.sql, state.id);
  if (dossier) await migrationStore.retargetDossier(ctx.sql, dossier.code, target.id);
  await ctx.store.touch(state.id);
  const to = activeActivities(state);
  await ctx.audit({
    operation: 'migrate',
    entityType: 'process_instance',
    entityId: state.id,
    instanceId: state.id,
    fromState: { definitionId: sourceId, activeActivityIds: from },
    details: { targetDefinitionId: target.id, activeActivityIds: to, reason: (plan as MigrationPlan & { reason?: string }).reason ?? null },
  });
  return { from, to };
}

/** The batch's job for one instance: migrate it or record why not; either way the job is done. */
export const migrateInstanceJob: JobHandler = async (ctx, job: AcquiredJob) => {
  const batchId = String(job.payload.batchId);
  const state = (await ctx.runtime.load(job.instance_id!))!;
  state.jobs.delete(job.id);
  const batch = await migrationStore.batchPlan<MigrationPlan & { reason?: string }>(ctx.sql, batchId);
  if (!batch) return;
  const defs = ctx.services.definitions;
  const [source, target] = await Promise.all([defs.byId(ctx.sql, batch.plan.sourceDefinitionId), defs.byId(ctx.sql, batch.plan.targetDefinitionId)]);
  const mapping = checkPlan(batch.plan, source, target);
  const refusal = refusalOf(state, batch.plan, mapping);
  if (refusal) {
    await migrationStore.itemRefused(ctx.sql, batchId, state.id, refusal, JSON.stringify(activeActivities(state)), ctx.now);
    return;
  }
  const { from, to } = await migrateInstance(ctx, state, batch.plan, mapping, target);
  await migrationStore.itemMoved(ctx.sql, batchId, state.id, JSON.stringify(from), JSON.stringify(to), ctx.now);
};
