import type { DefinitionCache } from '../persistence/definition-store.js';
import type { Sql } from '../persistence/database.js';
import type { DossierComponentDefinition } from '../model/procedure-graph.js';
import { badInput } from '../shared/domain-error.js';

/** The documents the dossier's procedure (the version it was received under) declares. */
export async function componentsOfDossier(definitions: DefinitionCache, sql: Sql, definitionId: string): Promise<DossierComponentDefinition[]> {
  const definition = await definitions.source(sql).byId(definitionId);
  return definition?.graph.procedure.components ?? [];
}

export function componentNamed(components: DossierComponentDefinition[], componentId: string | undefined): DossierComponentDefinition {
  const component = components.find((c) => c.id === componentId);
  if (!component) {
    const known = components.map((c) => c.id).join(', ') || 'none declared';
    throw badInput(`componentId "${componentId ?? ''}" is not a component of this dossier's procedure`, [{ field: 'componentId', message: `one of: ${known}` }]);
  }
  return component;
}

/** The kind a result document has, so a later dossier's component of that kind may reuse it. */
export const resultKind = (procedureKey: string) => `result:${procedureKey}`;
