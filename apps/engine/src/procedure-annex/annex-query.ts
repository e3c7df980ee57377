import type { Organisation } from '../persistence/identity/organisation.js';
import type { DefinitionQueries } from '../queries/definition-queries.js';
import { buildAnnexTable, type AnnexTable } from './annex-table.js';
import { buildComparisonAnnex, type ComparisonAnnex } from './comparison-annex.js';

/** Loads what an annex prints: the version's steps in flow order and the names of its departments. */
export class AnnexQuery {
  constructor(
    private readonly organisation: Organisation,
    private readonly definitions: DefinitionQueries,
  ) {}

  async annex(definitionId: string): Promise<AnnexTable> {
    const definition = await this.definitions.get(definitionId);
    const { steps } = await this.definitions.steps(definitionId);
    const departments = await this.organisation.departments();
    const byCode = new Map(departments.map((d) => [d.code, d]));
    const departmentNames = new Map(departments.map((d) => [d.code, d.name]));
    // The agency is the one owning the first step (the desk that receives the dossier): the root of its department.
    let agency = byCode.get(steps.find((s) => s.departmentCode)?.departmentCode ?? '');
    for (let hops = 0; agency?.parentCode && hops < 10; hops++) agency = byCode.get(agency.parentCode) ?? agency;
    return buildAnnexTable({ definition, steps, departmentNames, agencyName: agency?.name ?? null });
  }

  async comparison(beforeId: string, afterId: string): Promise<ComparisonAnnex> {
    return buildComparisonAnnex(await this.annex(beforeId), await this.annex(afterId));
  }
}
