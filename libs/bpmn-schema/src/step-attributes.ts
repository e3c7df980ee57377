/**
 * The one reader of a step's `od:` attributes (docs/bpmn.md), used by the engine's parser, the
 * re-engineering library and the modeler, so all three agree on where a step's department
 * comes from. It reads bpmn-moddle elements (the engine's and bpmn-js's business objects are
 * the same kind of object) through `get`, which knows the `od:` and `camunda:` descriptors.
 *
 * Department precedence, most specific first:
 *  1. the step's own `od:department` — a code, or a FEEL expression (`= donVi`) evaluated per
 *     instance by the engine;
 *  2. the first of its `camunda:candidateGroups` (diagrams from Camunda tools);
 *  3. the innermost lane that holds it and names a department — lanes of the sub-process it sits
 *     in first, then the lanes holding that sub-process, up to the process.
 */

/** The little of a moddle element this reader needs. */
export interface StepElement {
  $type: string;
  id?: string;
  $parent?: StepElement;
  laneSets?: LaneSetElement[];
  get(name: string): unknown;
}

interface LaneElement {
  flowNodeRef?: unknown[];
  childLaneSet?: LaneSetElement;
  get(name: string): unknown;
}

interface LaneSetElement {
  lanes?: LaneElement[];
}

export interface StepAttributes {
  /** The step's own `od:department` when it is a code. */
  ownDepartment?: string;
  /** The step's own `od:department` when it is a FEEL expression, without the leading `=`. */
  departmentExpression?: string;
  /** The first `camunda:candidateGroups` entry. */
  candidateGroup?: string;
  /** The department of the innermost lane holding the step (or its sub-process) that names one. */
  laneDepartment?: string;
  /** The department the engine routes the step to when it is a code: own, candidate group, lane. */
  department?: string;
  role?: string;
  allowanceDays?: number;
  /** `od:counted` defaults to true: only "return the result" style steps are left out. */
  counted: boolean;
  removalProposed: boolean;
  removalReason?: string;
  legalBasis?: string;
  complianceCost?: number;
  /** `camunda:assignee`. */
  assignee?: string;
}

export function readStepAttributes(element: StepElement): StepAttributes {
  const own = text(read(element, 'od:department'));
  const isExpression = own?.startsWith('=') ?? false;
  const ownDepartment = isExpression ? undefined : own;
  const departmentExpression = isExpression ? own!.slice(1).trim() || undefined : undefined;
  const candidateGroup = firstCandidateGroup(element);
  const laneDepartment = findLaneDepartment(element);
  return {
    ownDepartment,
    departmentExpression,
    candidateGroup,
    laneDepartment,
    department: departmentExpression ? undefined : ownDepartment ?? candidateGroup ?? laneDepartment,
    role: text(read(element, 'od:role')),
    allowanceDays: number(read(element, 'od:allowanceDays')),
    counted: !isFalse(read(element, 'od:counted')),
    removalProposed: isTrue(read(element, 'od:removalProposed')),
    removalReason: text(read(element, 'od:removalReason')),
    legalBasis: text(read(element, 'od:legalBasis')),
    complianceCost: number(read(element, 'od:complianceCost')),
    assignee: text(read(element, 'camunda:assignee')),
  };
}

/** Whether a step names a department any way at all (own code or expression, candidate group, lane). */
export function hasDepartment(attributes: StepAttributes): boolean {
  return attributes.department !== undefined || attributes.departmentExpression !== undefined;
}

/**
 * Lanes list the flow nodes of their own process or sub-process. A node in a sub-process
 * without lanes of its own belongs to the lane holding that sub-process, so the search walks
 * up the containers; some tools also list a sub-process's inner nodes in the process's lanes,
 * so the node itself is looked for at every level too.
 */
function findLaneDepartment(element: StepElement): string | undefined {
  const held: StepElement[] = [element];
  let container = element.$parent;
  while (container) {
    for (const candidate of held) {
      const found = searchLaneSets(container.laneSets ?? [], candidate);
      if (found !== undefined) return found;
    }
    if (container.$type !== 'bpmn:SubProcess' && container.$type !== 'bpmn:Transaction' && container.$type !== 'bpmn:AdHocSubProcess') return undefined;
    held.push(container);
    container = container.$parent;
  }
  return undefined;
}

function searchLaneSets(laneSets: LaneSetElement[], node: StepElement): string | undefined {
  for (const laneSet of laneSets) {
    for (const lane of laneSet.lanes ?? []) {
      if (!(lane.flowNodeRef ?? []).includes(node)) continue;
      const inner = lane.childLaneSet ? searchLaneSets([lane.childLaneSet], node) : undefined;
      const own = text(read(lane, 'od:department'));
      if (inner !== undefined) return inner;
      if (own !== undefined) return own;
    }
  }
  return undefined;
}

function firstCandidateGroup(element: StepElement): string | undefined {
  const groups = text(read(element, 'camunda:candidateGroups'));
  return groups?.split(',').map((group) => group.trim()).find(Boolean);
}

function read(element: { get(name: string): unknown }, name: string): unknown {
  try {
    return element.get(name);
  } catch {
    return undefined; // an element type the descriptor gives no such attribute
  }
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : NaN;
}

const isTrue = (value: unknown) => value === true || value === 'true';
const isFalse = (value: unknown) => value === false || value === 'false';
