import { parseBpmn } from '../model/bpmn-parser.js';
import { notFound } from '../shared/domain-error.js';
import type { Definition, DefinitionSource } from '../runtime/ports.js';
import type { Sql } from './database.js';

export interface DefinitionRecord {
  id: string;
  key: string;
  version: number;
  name: string | null;
  deploymentId: string;
  resourceName: string;
  sha256: string;
  procedureCode: string | null;
  statutoryDays: number | null;
  field: string | null;
  createdAt: Date;
}

/**
 * Definitions are immutable once deployed, so their parsed graphs are cached by id for the life
 * of the process (every engine node parses a definition at most once).
 */
export class DefinitionCache {
  private readonly graphs = new Map<string, Promise<Definition>>();

  source(sql: Sql): DefinitionSource {
    return {
      byId: (id) => this.byId(sql, id),
      latestByKey: async (key) => {
        const [row] = await sql.query<{ id: string }>(`SELECT id FROM process_definition WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key]);
        return row ? this.byId(sql, row.id) : undefined;
      },
    };
  }

  byId(sql: Sql, id: string): Promise<Definition> {
    let cached = this.graphs.get(id);
    if (!cached) {
      cached = this.load(sql, id);
      this.graphs.set(id, cached);
      cached.catch(() => this.graphs.delete(id));
    }
    return cached;
  }

  /** Pre-fills the cache right after a deploy, with the graph the deploy already parsed. */
  remember(definition: Definition): void {
    this.graphs.set(definition.id, Promise.resolve(definition));
  }

  private async load(sql: Sql, id: string): Promise<Definition> {
    const [row] = await sql.query<{ id: string; key: string; version: number; name: string | null; bpmn_xml: string }>(
      `SELECT id, key, version, name, bpmn_xml FROM process_definition WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('Process definition', id);
    const parsed = await parseBpmn(row.bpmn_xml);
    const graph = parsed.graphs.find((g) => g.key === row.key);
    if (!graph) throw notFound('Process definition', id);
    return { id: row.id, key: row.key, version: row.version, name: row.name, graph };
  }
}
