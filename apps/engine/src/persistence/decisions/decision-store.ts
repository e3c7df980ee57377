import { notFound } from '../../shared/domain-error.js';
import type { ErrorDetail } from '../../shared/domain-error.js';
import type { FlowNode } from '../../model/procedure-graph.js';
import type { DecisionSource } from '../../runtime/ports.js';
import { stuck } from '../../runtime/operations/feel-values.js';
import type { Sql } from '../database.js';
import type { DecisionTable } from '../../decisions/decision-table.js';
import { parseDmn } from '../../decisions/dmn-parser.js';
import { evaluateDecisionTable, mapDecisionResult } from '../../decisions/evaluate-decision.js';

/**
 * Deployed decisions, parsed once per version per node (versions never change), and evaluated
 * for business rule tasks against the latest version of their key.
 */
export class DecisionCache {
  private readonly tables = new Map<string, Promise<DecisionTable>>();

  source(sql: Sql): DecisionSource {
    return {
      evaluate: async (node: FlowNode, variables: Record<string, unknown>) => {
        const [row] = await sql.query<{ id: string }>(`SELECT id FROM decision_definition WHERE key = $1 ORDER BY version DESC LIMIT 1`, [node.decisionKey]);
        if (!row) throw stuck(node, `decision "${node.decisionKey}" is not deployed`);
        const table = await this.byId(sql, row.id);
        return mapDecisionResult(node, evaluateDecisionTable(node, table, variables));
      },
    };
  }

  remember(id: string, table: DecisionTable): void {
    this.tables.set(id, Promise.resolve(table));
  }

  private byId(sql: Sql, id: string): Promise<DecisionTable> {
    let cached = this.tables.get(id);
    if (!cached) {
      cached = this.load(sql, id);
      this.tables.set(id, cached);
      cached.catch(() => this.tables.delete(id));
    }
    return cached;
  }

  private async load(sql: Sql, id: string): Promise<DecisionTable> {
    const [row] = await sql.query<{ key: string; dmn_xml: string }>(`SELECT key, dmn_xml FROM decision_definition WHERE id = $1`, [id]);
    if (!row) throw notFound('Decision definition', id);
    const details: ErrorDetail[] = [];
    const table = (await parseDmn(row.dmn_xml, details)).decisions.find((d) => d.key === row.key);
    if (!table) throw notFound('Decision definition', id);
    return table;
  }
}
