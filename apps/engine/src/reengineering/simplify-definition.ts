import { SimplificationRefused, simplifyProcedure, type Reconnection } from '@onedoor/reengineering';
import type { Actor } from '../commands/command.js';
import { DeployProcedures } from '../commands/deploy-procedures.js';
import type { Engine } from '../engine.js';
import { badInput } from '../shared/domain-error.js';
import { refusalAsDomainError } from './refusal-as-domain-error.js';

export interface SimplifiedDefinition {
  definition: { id: string; key: string; version: number };
  removed: string[];
  removedGateways: string[];
  reconnected: Reconnection[];
  warnings: string[];
}

/**
 * Removes steps from a deployed definition (by default those flagged `od:removalProposed`) and
 * deploys the result as the next version of the same key. The deployment is the only write and
 * goes through DeployProcedures, so the new version is validated like any upload; running
 * instances keep their version.
 */
export async function simplifyDefinition(engine: Engine, definitionId: string, removeElementIds: string[] | undefined, actor: Actor): Promise<SimplifiedDefinition> {
  const source = await engine.definitions.get(definitionId);
  const { bpmnXml } = await engine.definitions.xml(definitionId);
  let result;
  try {
    result = await simplifyProcedure(bpmnXml, removeElementIds ? { removeElementIds } : {});
  } catch (error) {
    if (error instanceof SimplificationRefused) throw refusalAsDomainError(error);
    throw error;
  }
  // Without this the call would deploy a re-serialised copy of the same procedure.
  if (result.removed.length === 0) {
    throw badInput(`nothing to remove from ${definitionId}`, [
      { field: 'removeElementIds', message: 'no step is flagged od:removalProposed="true": name the steps to remove' },
    ]);
  }

  const deployment = await engine.execute(
    new DeployProcedures(`${source.key} v${source.version} simplified`, [{ name: `${source.key}.simplified.bpmn`, xml: result.xml }], `simplify:${definitionId}`),
    actor,
  );
  const deployed = deployment.processDefinitions.find((d) => d.key === source.key) ?? deployment.processDefinitions[0];
  const warnings = [...deployment.warnings];
  if (!deployed.isNew) warnings.push(`the simplified procedure is identical to version ${deployed.version}, which is reused`);
  return {
    definition: { id: deployed.id, key: deployed.key, version: deployed.version },
    removed: result.removed,
    removedGateways: result.removedGateways,
    reconnected: result.reconnected,
    warnings,
  };
}
