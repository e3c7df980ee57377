import { removePointlessGateways } from './pointless-gateways.js';
import { ProcedureModel, type Reconnection } from './procedure-model.js';
import { removalRefusals } from './removal-guard.js';
import { SimplificationRefused } from './simplification-refused.js';
import { removeStep } from './step-removal.js';

export interface SimplifyOptions {
  /** The steps to remove; by default those flagged `od:removalProposed="true"`. */
  removeElementIds?: string[];
}

export interface SimplificationResult {
  xml: string;
  /** The steps removed, in the order removed. */
  removed: string[];
  /** Gateways that no longer split or join anything after the removal. */
  removedGateways: string[];
  /** Flows now pointing somewhere else, with their final source and target. */
  reconnected: Reconnection[];
}

/**
 * Removes steps from a procedure and reconnects the flow around them (issue #7): a real rewrite
 * of the BPMN model and its diagram, refused (SimplificationRefused) wherever it would change
 * what the procedure means rather than just drop a step.
 */
export async function simplifyProcedure(xml: string, options: SimplifyOptions = {}): Promise<SimplificationResult> {
  const model = await ProcedureModel.read(xml);
  const ids = [...new Set(options.removeElementIds ?? model.flaggedForRemoval())];

  // Check every request on the original first, so one answer lists every problem.
  const refusals = ids.flatMap((id) => removalRefusals(id, model.element(id)));
  if (refusals.length > 0) throw new SimplificationRefused(refusals);

  const removedGateways: string[] = [];
  for (const id of ids) {
    // Earlier removals may have changed this step's surroundings (two steps alone on a branch).
    const step = model.element(id);
    const late = removalRefusals(id, step);
    if (late.length > 0) throw new SimplificationRefused(late);
    const touched = removeStep(model, step);
    removedGateways.push(...removePointlessGateways(model, touched));
  }
  return { xml: await model.write(), removed: ids, removedGateways, reconnected: model.reconnected() };
}
