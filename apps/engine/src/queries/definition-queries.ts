import type { Database } from '../persistence/database.js';
import type { DefinitionCache } from '../persistence/definition-store.js';
import type { ProcedureGraph } from '../model/procedure-graph.js';
import { notFound } from '../shared/domain-error.js';

export interface DefinitionView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  deploymentId: string;
  resourceName: string;
  procedureCode: string | null;
  statutoryDays: number | null;
  field: string | null;
  deployedAt: Date;
}

export interface StepView {
  elementId: string;
  name: string | null;
  type: string;
  departmentCode: string | null;
  role: string | null;
  allowanceDays: number | null;
  counted: boolean;
  proposedForRemoval: boolean;
  removalReason: string | null;
  legalBasis: string | null;
  complianceCost: number | null;
  /** Set on steps of a called procedure: the call activity that runs them. */
  calledFrom?: string;
  /** `od:department="= …"`: the department is computed for each instance (FEEL, without the `=`). */
  departmentExpression?: string;
  /** A multi-instance step (a consultation), with the departments its diagram lists, if any. */
  multiInstance?: boolean;
  departmentCodes?: string[];
}

const SELECT = `SELECT id, key, version, name, deployment_id AS "deploymentId", resource_name AS "resourceName",
  procedure_code AS "procedureCode", statutory_days::float8 AS "statutoryDays", field, created_at AS "deployedAt"
  FROM process_definition`;

/** Read side of deployed procedures. */
export class DefinitionQueries {
  constructor(
    private readonly db: Database,
    private readonly cache: DefinitionCache,
  ) {}

  list(filter: { key?: string; latest?: boolean } = {}): Promise<DefinitionView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.key) {
      params.push(filter.key);
      where.push(`key = $${params.length}`);
    }
    if (filter.latest) where.push(`version = (SELECT max(version) FROM process_definition p2 WHERE p2.key = process_definition.key)`);
    return this.db.query<DefinitionView>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY key, version`, params);
  }

  async get(id: string): Promise<DefinitionView> {
    const [row] = await this.db.query<DefinitionView>(`${SELECT} WHERE id = $1`, [id]);
    if (!row) throw notFound('Process definition', id);
    return row;
  }

  async xml(id: string): Promise<{ id: string; bpmnXml: string }> {
    const [row] = await this.db.query<{ bpmn_xml: string }>(`SELECT bpmn_xml FROM process_definition WHERE id = $1`, [id]);
    if (!row) throw notFound('Process definition', id);
    return { id, bpmnXml: row.bpmn_xml };
  }

  /**
   * The procedure as agencies publish it: its steps (user and manual tasks, call activities) in
   * flow order from the start event, with the counted total against the statutory days.
   */
  async steps(id: string): Promise<{ definitionId: string; statutoryDays: number | null; countedDays: number; steps: StepView[] }> {
    const definition = await this.db.transaction((sql) => this.cache.byId(sql, id));
    const steps = await this.stepsOf(definition.graph, 0);
    const countedDays = steps.filter((s) => s.counted).reduce((sum, s) => sum + (s.allowanceDays ?? 0), 0);
    return { definitionId: id, statutoryDays: definition.graph.procedure.statutoryDays ?? null, countedDays, steps };
  }

  /** Steps in flow order; a call activity is replaced by the called procedure's steps (the inter-agency part). */
  private async stepsOf(graph: ProcedureGraph, depth: number, calledFrom?: string): Promise<StepView[]> {
    const order: string[] = [];
    const seen = new Set<string>();
    const queue = [...graph.startEventIds];
    while (queue.length) {
      const nodeId = queue.shift()!;
      if (seen.has(nodeId)) continue;
      seen.add(nodeId);
      order.push(nodeId);
      const n = graph.nodes.get(nodeId)!;
      if (n.startEventId) queue.push(n.startEventId);
      for (const b of n.boundaryIds) queue.push(b);
      for (const f of n.outgoing) queue.push(graph.flows.get(f)!.targetId);
    }
    const result: StepView[] = [];
    for (const n of order.map((nodeId) => graph.nodes.get(nodeId)!)) {
      if (n.type === 'callActivity' && n.calledElement && depth < 5) {
        const [row] = await this.db.query<{ id: string }>(`SELECT id FROM process_definition WHERE key = $1 ORDER BY version DESC LIMIT 1`, [n.calledElement]);
        if (row) {
          const called = await this.db.transaction((sql) => this.cache.byId(sql, row.id));
          result.push(...(await this.stepsOf(called.graph, depth + 1, n.id)));
          continue;
        }
      }
      if (n.type !== 'userTask' && n.type !== 'manualTask' && n.type !== 'callActivity') continue;
      result.push({
        elementId: n.id,
        name: n.name ?? null,
        type: n.type,
        departmentCode: n.step.departmentCode ?? null,
        role: n.step.role ?? null,
        allowanceDays: n.step.allowanceDays ?? null,
        counted: n.step.counted,
        proposedForRemoval: n.step.removalProposed,
        removalReason: n.step.removalReason ?? null,
        legalBasis: n.step.legalBasis ?? null,
        complianceCost: n.step.complianceCost ?? null,
        ...(calledFrom ? { calledFrom } : {}),
        ...(n.step.departmentExpression ? { departmentExpression: n.step.departmentExpression } : {}),
        ...(n.step.multiInstance ? { multiInstance: true, ...(n.step.departmentCodes ? { departmentCodes: n.step.departmentCodes } : {}) } : {}),
      });
    }
    return result;
  }
}
