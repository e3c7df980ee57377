import type { Actor } from '../commands/command.js';
import type { Engine } from '../engine.js';
import type { DossierComponentDefinition } from '../model/procedure-graph.js';
import { entryStep, receivingAgencies } from './reception-desk.js';
import { agencyOfDepartment } from '../persistence/identity/department-tree.js';

export interface ReceivableProcedure {
  key: string;
  definitionId: string;
  version: number;
  name: string | null;
  procedureCode: string;
  statutoryDays: number | null;
  field: string | null;
  /** The agency that owns the dossiers. */
  agencyCode: string | null;
  /** The department of the first step (the receiving desk). */
  entryDepartmentCode: string | null;
  /** The dossier's documents, for the desk's checklist. */
  components: DossierComponentDefinition[];
}

/**
 * What a desk can receive (GET /api/reception/procedures): the latest version of every citizen
 * procedure (one with a national procedure code) of the desk's agency, or whose first step is
 * at the desk's agency; everything for administrators.
 */
export async function receivableProcedures(engine: Engine, actor: Actor): Promise<ReceivableProcedure[]> {
  const all = actor.roles.includes('admin');
  return engine.db.transaction(async (sql) => {
    const mine = await agencyOfDepartment(sql, actor.departmentCode);
    const latest = (await engine.definitions.list({ latest: true })).filter((d) => d.procedureCode);
    const out: ReceivableProcedure[] = [];
    for (const d of latest) {
      const { graph } = await engine.services.definitions.byId(sql, d.id);
      const { owner, entry } = await receivingAgencies(sql, graph);
      if (!all && (!mine || (mine !== owner && mine !== entry))) continue;
      out.push({
        key: d.key,
        definitionId: d.id,
        version: d.version,
        name: d.name,
        procedureCode: d.procedureCode!,
        statutoryDays: d.statutoryDays,
        field: d.field,
        agencyCode: owner ?? null,
        entryDepartmentCode: entryStep(graph)?.step.departmentCode ?? null,
        components: graph.procedure.components ?? [],
      });
    }
    return out.sort((a, b) => a.procedureCode.localeCompare(b.procedureCode));
  });
}
