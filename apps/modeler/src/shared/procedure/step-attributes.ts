import { is, type ModdleElement } from './moddle-element.js';

/** What the `od:` dialect (BPMN.md) says about one step, with lane inheritance resolved. */
export interface StepAttributes {
  /** The step's own `od:department` (or, for diagrams from Camunda tools, its first candidate group). */
  ownDepartment?: string;
  /** The department of the innermost lane holding the step that names one. */
  laneDepartment?: string;
  /** The department the engine routes the step to: its own, else its lane's. */
  department?: string;
  role?: string;
  allowanceDays?: number;
  /** `od:counted` defaults to true: only "return the result" style steps are left out. */
  counted: boolean;
  removalProposed: boolean;
  removalReason?: string;
  legalBasis?: string;
  complianceCost?: number;
}

export function readStepAttributes(node: ModdleElement): StepAttributes {
  const ownDepartment = text(node.get('od:department')) ?? firstCandidateGroup(node);
  const laneDepartment = findLaneDepartment(node);
  return {
    ownDepartment,
    laneDepartment,
    department: ownDepartment ?? laneDepartment,
    role: text(node.get('od:role')),
    allowanceDays: number(node.get('od:allowanceDays')),
    counted: node.get('od:counted') !== false && node.get('od:counted') !== 'false',
    removalProposed: node.get('od:removalProposed') === true || node.get('od:removalProposed') === 'true',
    removalReason: text(node.get('od:removalReason')),
    legalBasis: text(node.get('od:legalBasis')),
    complianceCost: number(node.get('od:complianceCost')),
  };
}

/**
 * Lanes list the flow nodes of their own process or sub-process; a node in a sub-process that
 * has no lanes of its own belongs to the lane of that sub-process, so we walk up containers.
 */
function findLaneDepartment(node: ModdleElement): string | undefined {
  let current: ModdleElement | undefined = node;
  while (current && is(current.$parent, 'bpmn:FlowElementsContainer')) {
    const container: ModdleElement = current.$parent!;
    const found = searchLaneSets(container.laneSets ?? [], current);
    if (found !== undefined) return found;
    if (!is(container, 'bpmn:SubProcess')) return undefined;
    current = container;
  }
  return undefined;
}

function searchLaneSets(laneSets: ModdleElement[], node: ModdleElement): string | undefined {
  for (const laneSet of laneSets) {
    for (const lane of laneSet.lanes ?? []) {
      if (!(lane.flowNodeRef ?? []).includes(node)) continue;
      const inner = lane.childLaneSet ? searchLaneSets([lane.childLaneSet], node) : undefined;
      return inner ?? text(lane.get('od:department'));
    }
  }
  return undefined;
}

function firstCandidateGroup(node: ModdleElement): string | undefined {
  const groups = text(node.get('camunda:candidateGroups'));
  return groups?.split(',').map((group) => group.trim()).find(Boolean);
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}
