import { readStepAttributes as readShared, hasDepartment, type StepAttributes as SharedStepAttributes } from '@onedoor/bpmn-schema';
import type { ModdleElement } from './moddle-element.js';

/**
 * What the `od:` dialect says about one step, read by the one reader the engine and the
 * re-engineering library use too (libs/bpmn-schema). For the step table and the department
 * field, a step's "own" department is what is written on the step: its `od:department` code, or
 * for diagrams from Camunda tools its first candidate group.
 */
export interface StepAttributes extends SharedStepAttributes {
  /** Whether the step names a department any way (own code or expression, candidate group, lane). */
  hasDepartment: boolean;
}

export function readStepAttributes(node: ModdleElement): StepAttributes {
  const shared = readShared(node as Parameters<typeof readShared>[0]);
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);
  return {
    ...shared,
    ownDepartment: shared.ownDepartment ?? shared.candidateGroup,
    // a value that is not a number reads as missing here: lint asks for an allowance
    allowanceDays: finite(shared.allowanceDays),
    complianceCost: finite(shared.complianceCost),
    hasDepartment: hasDepartment(shared),
  };
}
