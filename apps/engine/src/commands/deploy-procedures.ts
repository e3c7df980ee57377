import { createHash } from 'node:crypto';
import { parseBpmn } from '../model/bpmn-parser.js';
import { isDmnResource, parseDmn } from '../decisions/dmn-parser.js';
import type { DecisionTable } from '../decisions/decision-table.js';
import type { ProcedureGraph } from '../model/procedure-graph.js';
import { durationMs, parseCycle, parseDate, parseDuration } from '../model/timer-expression.js';
import { DomainError, ErrorCode, type ErrorDetail } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';
import { DeploymentStore } from '../persistence/definitions/deployment-store.js';

export interface DeploymentResource {
  name: string;
  xml: string;
}

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  /** False when a byte-identical file was already deployed and its version was reused. */
  isNew: boolean;
}

export interface DeploymentResult {
  id: string;
  name: string;
  deployedAt: Date;
  processDefinitions: DeployedDefinition[];
  /** DMN decisions deployed beside the BPMN (business rule tasks evaluate the latest version). */
  decisionDefinitions: DeployedDefinition[];
  warnings: string[];
}

/**
 * Deploys BPMN files: each executable process becomes a new version of its key, unless the very
 * same bytes were deployed before (then that version is reused and nothing changes). Everything
 * is refused together if any file can't run, so a deployment is never half applied.
 */
export class DeployProcedures implements Command<DeploymentResult> {
  readonly name = 'deploy';

  constructor(
    private readonly deploymentName: string,
    private readonly resources: DeploymentResource[],
    private readonly source: string | null = null,
  ) {}

  async execute(ctx: CommandContext): Promise<DeploymentResult> {
    if (this.resources.length === 0) throw new DomainError(ErrorCode.BadInput, 'no BPMN file given', [{ field: 'file', message: 'required' }]);
    const store = new DeploymentStore(ctx.sql);
    const parsed: { resource: DeploymentResource; graph: ProcedureGraph; sha256: string }[] = [];
    const details: ErrorDetail[] = [];
    const warnings: string[] = [];
    const calls: { elementId: string; key: string }[] = [];
    const decisionCalls: { elementId: string; key: string }[] = [];
    const decisions: { resource: DeploymentResource; table: DecisionTable; sha256: string }[] = [];
    for (const resource of this.resources) {
      if (isDmnResource(resource.name, resource.xml)) {
        const found: ErrorDetail[] = [];
        const dmn = await parseDmn(resource.xml, found);
        const sha256 = createHash('sha256').update(resource.xml).digest('hex');
        for (const table of dmn.decisions) decisions.push({ resource, table, sha256 });
        details.push(...found.map((d) => ({ ...d, message: this.resources.length > 1 ? `${resource.name}: ${d.message}` : d.message })));
        continue;
      }
      try {
        const result = await parseBpmn(resource.xml);
        const sha256 = createHash('sha256').update(resource.xml).digest('hex');
        for (const graph of result.graphs) parsed.push({ resource, graph, sha256 });
        calls.push(...result.calledKeys);
        decisionCalls.push(...result.decisionKeys);
        warnings.push(...result.warnings.map((w) => `${resource.name}: ${w}`));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        details.push(...(error.details ?? [{ message: error.message }]).map((d) => ({ ...d, message: this.resources.length > 1 ? `${resource.name}: ${d.message}` : d.message })));
      }
    }
    const keys = parsed.map((p) => p.graph.key);
    for (const key of new Set(keys)) {
      if (keys.filter((k) => k === key).length > 1) details.push({ elementId: key, elementType: 'bpmn:Process', message: `process id "${key}" appears in more than one file of this deployment` });
    }
    for (const call of calls) {
      if (keys.includes(call.key)) continue;
      if (!(await store.isDeployed('process_definition', call.key))) details.push({ elementId: call.elementId, elementType: 'bpmn:CallActivity', message: `calls process "${call.key}", which is neither deployed nor in this deployment` });
    }
    const decisionKeys = decisions.map((d) => d.table.key);
    for (const call of decisionCalls) {
      if (decisionKeys.includes(call.key)) continue;
      if (!(await store.isDeployed('decision_definition', call.key))) details.push({ elementId: call.elementId, elementType: 'bpmn:BusinessRuleTask', message: `evaluates decision "${call.key}", which is neither deployed nor in this deployment: deploy its .dmn file with it` });
    }
    if (parsed.length === 0 && decisions.length === 0 && details.length === 0) details.push({ field: 'file', message: 'no BPMN process or DMN decision in the files given' });
    if (details.length > 0) {
      throw new DomainError(ErrorCode.DeploymentRefused, `The procedure can't run: ${details.length} problem${details.length > 1 ? 's' : ''}`, details);
    }

    const deploymentId = ctx.services.newId();
    const deployed: DeployedDefinition[] = [];
    let anyNew = false;
    for (const { resource, graph, sha256 } of parsed) {
      await store.lockKey('process_definition', graph.key);
      const same = await store.sameBytes('process_definition', graph.key, sha256);
      if (same) {
        deployed.push({ id: same.id, key: graph.key, version: same.version, name: same.name, isNew: false });
        continue;
      }
      if (!anyNew) {
        await store.insertDeployment({ id: deploymentId, name: this.deploymentName, source: this.source, deployedBy: ctx.actor.username, deployedAt: ctx.now });
        anyNew = true;
      }
      const next = await store.nextVersion('process_definition', graph.key);
      const id = `${graph.key}:${next}:${deploymentId.slice(0, 8)}`;
      await store.insertProcessDefinition(
        [id, graph.key, next, graph.name ?? null, deploymentId, resource.name, resource.xml, sha256, graph.procedure.procedureCode ?? null, graph.procedure.statutoryDays ?? null, graph.procedure.field ?? null, ctx.now],
      );
      ctx.services.definitions.remember({ id, key: graph.key, version: next, name: graph.name ?? null, graph });
      await this.replaceStartEvents(ctx, store, id, graph);
      deployed.push({ id, key: graph.key, version: next, name: graph.name ?? null, isNew: true });
    }
    const deployedDecisions: DeployedDefinition[] = [];
    for (const { resource, table, sha256 } of decisions) {
      await store.lockKey('decision_definition', table.key);
      const same = await store.sameBytes('decision_definition', table.key, sha256);
      if (same) {
        deployedDecisions.push({ id: same.id, key: table.key, version: same.version, name: same.name, isNew: false });
        continue;
      }
      if (!anyNew) {
        await store.insertDeployment({ id: deploymentId, name: this.deploymentName, source: this.source, deployedBy: ctx.actor.username, deployedAt: ctx.now });
        anyNew = true;
      }
      const next = await store.nextVersion('decision_definition', table.key);
      const id = `${table.key}:${next}:${deploymentId.slice(0, 8)}`;
      await store.insertDecisionDefinition(
        [id, table.key, next, table.name ?? null, deploymentId, resource.name, resource.xml, sha256, ctx.now],
      );
      ctx.services.decisions.remember(id, table);
      deployedDecisions.push({ id, key: table.key, version: next, name: table.name ?? null, isNew: true });
    }
    if (anyNew) await ctx.audit({ operation: 'deploy', entityType: 'deployment', entityId: deploymentId, details: { definitions: deployed.map((d) => d.id), decisions: deployedDecisions.map((d) => d.id) } });
    const deploymentInfo = anyNew
      ? { id: deploymentId, name: this.deploymentName, deployedAt: ctx.now }
      : await this.existingDeployment(store, (deployed[0] ?? deployedDecisions[0]).id, deployed.length === 0);
    return { ...deploymentInfo, processDefinitions: deployed, decisionDefinitions: deployedDecisions, warnings };
  }

  /** The newest version owns the key's message and timer start events (as in Camunda). */
  private async replaceStartEvents(ctx: CommandContext, store: DeploymentStore, definitionId: string, graph: ProcedureGraph): Promise<void> {
    await store.dropStartEvents(graph.key);
    for (const startId of graph.startEventIds) {
      const start = graph.nodes.get(startId)!;
      if (start.event === 'message' || start.event === 'signal') {
        await store.insertStartSubscription(
          [ctx.services.newId(), start.event, start.event === 'message' ? start.messageName : start.signalName, start.id, definitionId, ctx.now],
        );
      }
      if (start.event === 'timer' && start.timer) {
        const due = firstStartTimerDue(start.timer.kind, start.timer.expression, ctx.now);
        if (due) {
          await store.insertStartTimer(
            [ctx.services.newId(), start.id, definitionId, due, JSON.stringify({ fired: 0 }), ctx.now],
          );
        }
      }
    }
  }

  private async existingDeployment(store: DeploymentStore, definitionId: string, isDecision = false) {
    const row = await store.deploymentOf(isDecision ? 'decision_definition' : 'process_definition', definitionId);
    return { id: row.id, name: row.name, deployedAt: row.deployed_at };
  }
}

export function firstStartTimerDue(kind: 'duration' | 'date' | 'cycle', expression: string, now: Date): Date | undefined {
  if (kind === 'date') return parseDate(expression);
  if (kind === 'duration') return new Date(now.getTime() + durationMs(parseDuration(expression)!));
  return new Date(now.getTime() + durationMs(parseCycle(expression)!.interval));
}
