import { createHash } from 'node:crypto';
import { parseBpmn } from '../model/bpmn-parser.js';
import { isDmnResource, parseDmn } from '../decisions/dmn-parser.js';
import type { DecisionTable } from '../decisions/decision-table.js';
import type { ProcedureGraph } from '../model/procedure-graph.js';
import { durationMs, parseCycle, parseDate, parseDuration } from '../model/timer-expression.js';
import { DomainError, ErrorCode, type ErrorDetail } from '../shared/domain-error.js';
import type { Command, CommandContext } from './command.js';

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
      const [known] = await ctx.sql.query(`SELECT 1 FROM process_definition WHERE key = $1 LIMIT 1`, [call.key]);
      if (!known) details.push({ elementId: call.elementId, elementType: 'bpmn:CallActivity', message: `calls process "${call.key}", which is neither deployed nor in this deployment` });
    }
    const decisionKeys = decisions.map((d) => d.table.key);
    for (const call of decisionCalls) {
      if (decisionKeys.includes(call.key)) continue;
      const [known] = await ctx.sql.query(`SELECT 1 FROM decision_definition WHERE key = $1 LIMIT 1`, [call.key]);
      if (!known) details.push({ elementId: call.elementId, elementType: 'bpmn:BusinessRuleTask', message: `evaluates decision "${call.key}", which is neither deployed nor in this deployment: deploy its .dmn file with it` });
    }
    if (parsed.length === 0 && decisions.length === 0 && details.length === 0) details.push({ field: 'file', message: 'no BPMN process or DMN decision in the files given' });
    if (details.length > 0) {
      throw new DomainError(ErrorCode.DeploymentRefused, `The procedure can't run: ${details.length} problem${details.length > 1 ? 's' : ''}`, details);
    }

    const deploymentId = ctx.services.newId();
    const deployed: DeployedDefinition[] = [];
    let anyNew = false;
    for (const { resource, graph, sha256 } of parsed) {
      // Deploys of one key queue here, so two nodes can't both take the next version number.
      await ctx.sql.query(`SELECT pg_advisory_xact_lock(hashtext('deploy:' || $1))`, [graph.key]);
      const [same] = await ctx.sql.query<{ id: string; version: number; name: string | null }>(
        `SELECT id, version, name FROM process_definition WHERE key = $1 AND sha256 = $2 ORDER BY version DESC LIMIT 1`,
        [graph.key, sha256],
      );
      if (same) {
        deployed.push({ id: same.id, key: graph.key, version: same.version, name: same.name, isNew: false });
        continue;
      }
      if (!anyNew) {
        await ctx.sql.execute(`INSERT INTO deployment (id, name, source, deployed_by, deployed_at) VALUES ($1, $2, $3, $4, $5)`, [
          deploymentId, this.deploymentName, this.source, ctx.actor.username, ctx.now,
        ]);
        anyNew = true;
      }
      const [{ next }] = await ctx.sql.query<{ next: number }>(`SELECT coalesce(max(version), 0) + 1 AS next FROM process_definition WHERE key = $1`, [graph.key]);
      const id = `${graph.key}:${next}:${deploymentId.slice(0, 8)}`;
      await ctx.sql.execute(
        `INSERT INTO process_definition (id, key, version, name, deployment_id, resource_name, bpmn_xml, sha256, procedure_code, statutory_days, field, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [id, graph.key, next, graph.name ?? null, deploymentId, resource.name, resource.xml, sha256, graph.procedure.procedureCode ?? null, graph.procedure.statutoryDays ?? null, graph.procedure.field ?? null, ctx.now],
      );
      ctx.services.definitions.remember({ id, key: graph.key, version: next, name: graph.name ?? null, graph });
      await this.replaceStartEvents(ctx, id, graph);
      deployed.push({ id, key: graph.key, version: next, name: graph.name ?? null, isNew: true });
    }
    const deployedDecisions: DeployedDefinition[] = [];
    for (const { resource, table, sha256 } of decisions) {
      await ctx.sql.query(`SELECT pg_advisory_xact_lock(hashtext('deploy-decision:' || $1))`, [table.key]);
      const [same] = await ctx.sql.query<{ id: string; version: number; name: string | null }>(
        `SELECT id, version, name FROM decision_definition WHERE key = $1 AND sha256 = $2 ORDER BY version DESC LIMIT 1`,
        [table.key, sha256],
      );
      if (same) {
        deployedDecisions.push({ id: same.id, key: table.key, version: same.version, name: same.name, isNew: false });
        continue;
      }
      if (!anyNew) {
        await ctx.sql.execute(`INSERT INTO deployment (id, name, source, deployed_by, deployed_at) VALUES ($1, $2, $3, $4, $5)`, [
          deploymentId, this.deploymentName, this.source, ctx.actor.username, ctx.now,
        ]);
        anyNew = true;
      }
      const [{ next }] = await ctx.sql.query<{ next: number }>(`SELECT coalesce(max(version), 0) + 1 AS next FROM decision_definition WHERE key = $1`, [table.key]);
      const id = `${table.key}:${next}:${deploymentId.slice(0, 8)}`;
      await ctx.sql.execute(
        `INSERT INTO decision_definition (id, key, version, name, deployment_id, resource_name, dmn_xml, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, table.key, next, table.name ?? null, deploymentId, resource.name, resource.xml, sha256, ctx.now],
      );
      ctx.services.decisions.remember(id, table);
      deployedDecisions.push({ id, key: table.key, version: next, name: table.name ?? null, isNew: true });
    }
    if (anyNew) await ctx.audit({ operation: 'deploy', entityType: 'deployment', entityId: deploymentId, details: { definitions: deployed.map((d) => d.id), decisions: deployedDecisions.map((d) => d.id) } });
    const deploymentInfo = anyNew
      ? { id: deploymentId, name: this.deploymentName, deployedAt: ctx.now }
      : await this.existingDeployment(ctx, (deployed[0] ?? deployedDecisions[0]).id, deployed.length === 0);
    return { ...deploymentInfo, processDefinitions: deployed, decisionDefinitions: deployedDecisions, warnings };
  }

  /** The newest version owns the key's message and timer start events (as in Camunda). */
  private async replaceStartEvents(ctx: CommandContext, definitionId: string, graph: ProcedureGraph): Promise<void> {
    await ctx.sql.execute(
      `DELETE FROM event_subscription WHERE instance_id IS NULL AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)`,
      [graph.key],
    );
    await ctx.sql.execute(`DELETE FROM job WHERE type = 'timer-start' AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)`, [graph.key]);
    for (const startId of graph.startEventIds) {
      const start = graph.nodes.get(startId)!;
      if (start.event === 'message' || start.event === 'signal') {
        await ctx.sql.execute(
          `INSERT INTO event_subscription (id, type, event_name, business_key, instance_id, execution_id, element_id, definition_id, created_at)
           VALUES ($1, $2, $3, NULL, NULL, NULL, $4, $5, $6)`,
          [ctx.services.newId(), start.event, start.event === 'message' ? start.messageName : start.signalName, start.id, definitionId, ctx.now],
        );
      }
      if (start.event === 'timer' && start.timer) {
        const due = firstStartTimerDue(start.timer.kind, start.timer.expression, ctx.now);
        if (due) {
          await ctx.sql.execute(
            `INSERT INTO job (id, type, instance_id, execution_id, element_id, definition_id, due_at, retries, payload, created_at)
             VALUES ($1, 'timer-start', NULL, NULL, $2, $3, $4, 3, $5, $6)`,
            [ctx.services.newId(), start.id, definitionId, due, JSON.stringify({ fired: 0 }), ctx.now],
          );
        }
      }
    }
  }

  private async existingDeployment(ctx: CommandContext, definitionId: string, isDecision = false) {
    const [row] = await ctx.sql.query<{ id: string; name: string; deployed_at: Date }>(
      `SELECT d.id, d.name, d.deployed_at FROM deployment d JOIN ${isDecision ? 'decision_definition' : 'process_definition'} p ON p.deployment_id = d.id WHERE p.id = $1`,
      [definitionId],
    );
    return { id: row.id, name: row.name, deployedAt: row.deployed_at };
  }
}

export function firstStartTimerDue(kind: 'duration' | 'date' | 'cycle', expression: string, now: Date): Date | undefined {
  if (kind === 'date') return parseDate(expression);
  if (kind === 'duration') return new Date(now.getTime() + durationMs(parseDuration(expression)!));
  return new Date(now.getTime() + durationMs(parseCycle(expression)!.interval));
}
