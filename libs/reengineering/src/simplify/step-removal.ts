import type { ModdleElement } from '../bpmn/procedure-moddle.js';
import type { ProcedureModel } from './procedure-model.js';

/**
 * Bypasses a step already cleared by the removal guard: each incoming flow now leads to the
 * step's successor, the step's own outgoing flow goes, and so does the step.
 * Returns the nodes whose flows changed, where a gateway may have become pointless.
 */
export function removeStep(model: ProcedureModel, step: ModdleElement): ModdleElement[] {
  const outgoing = step.outgoing[0];
  const successor = outgoing.targetRef;
  const incoming: ModdleElement[] = [...step.incoming];
  for (const flow of incoming) model.retarget(flow, successor, outgoing);
  model.dropFlow(outgoing);
  step.incoming = [];
  step.outgoing = [];
  model.removeNode(step);
  return [...incoming.map((flow) => flow.sourceRef), successor];
}
