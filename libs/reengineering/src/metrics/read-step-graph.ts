import { readDefinitions, type ModdleElement } from '../bpmn/procedure-moddle.js';
import { readStepAttributes } from '../../../bpmn-schema/src/step-attributes.js';
import { loopDepartments } from '../../../bpmn-schema/src/loop-departments.js';
import type { StepGraph, StepGraphFlow, StepGraphNode } from './step-graph.js';

/**
 * Reads the process of a BPMN file into a StepGraph: the executable process (else the first).
 * Lenient on purpose: metrics are shown for drafts too, which the engine would not deploy yet.
 */
export async function readStepGraph(xml: string): Promise<StepGraph> {
  const { definitions } = await readDefinitions(xml);
  const processes: ModdleElement[] = (definitions.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
  const process = processes.find((p) => p.isExecutable) ?? processes[0];
  if (!process) throw new Error('The BPMN file holds no process');

  const nodes = new Map<string, StepGraphNode>();
  const flows = new Map<string, StepGraphFlow>();
  const visit = (scope: ModdleElement) => {
    for (const element of scope.flowElements ?? []) {
      if (element.$type === 'bpmn:SequenceFlow') {
        flows.set(element.id, {
          id: element.id,
          sourceId: element.sourceRef?.id,
          targetId: element.targetRef?.id,
          condition: element.conditionExpression?.body?.trim().replace(/^=/, '').trim() || undefined,
        });
      } else if (element.$instanceOf('bpmn:FlowNode')) {
        nodes.set(element.id, readNode(element, scope.id));
        if (element.$type === 'bpmn:SubProcess') visit(element);
      }
    }
  };
  visit(process);
  return {
    key: process.id,
    name: process.name,
    procedure: { procedureCode: process.procedureCode, statutoryDays: numberOrUndefined(process.statutoryDays) },
    nodes,
    flows,
  };
}

function readNode(element: ModdleElement, scopeId: string): StepGraphNode {
  const localType: string = element.$type.replace(/^bpmn:/, '');
  const attributes = readStepAttributes(element);
  const multiInstance = element.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics';
  return {
    id: element.id,
    type: localType.charAt(0).toLowerCase() + localType.slice(1),
    name: element.name,
    scopeId,
    incoming: (element.incoming ?? []).map((f: ModdleElement) => f.id),
    outgoing: (element.outgoing ?? []).map((f: ModdleElement) => f.id),
    attachedToId: element.attachedToRef?.id,
    calledElement: element.calledElement,
    step: {
      departmentCode: attributes.department,
      ...(multiInstance ? { departmentCodes: loopDepartments(element, attributes.departmentExpression), multiInstance: true } : {}),
      role: attributes.role,
      allowanceDays: finite(attributes.allowanceDays),
      counted: attributes.counted,
      complianceCost: finite(attributes.complianceCost),
    },
  };
}

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);

function numberOrUndefined(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
