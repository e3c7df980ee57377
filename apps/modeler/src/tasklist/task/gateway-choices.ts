/** The parts of a bpmn-moddle element this module reads (kept structural, so tests can use bpmn-moddle). */
export interface FlowNodeLike {
  $type: string;
  name?: string;
  outgoing?: SequenceFlowLike[];
}

export interface SequenceFlowLike {
  name?: string;
  conditionExpression?: { body?: string };
  targetRef?: FlowNodeLike;
}

export type ChoiceValue = boolean | number | string;

export interface GatewayChoice {
  /** The flow's name ("Tiếp nhận", "Từ chối"), or the condition itself when the flow has none. */
  label: string;
  variable: string;
  value: ChoiceValue;
}

const DECISION_GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
// `= accepted = true`, `inspectionPassed = false`, `= score = 3`, `= result = "pass"`
const SIMPLE_CONDITION = /^\s*=?\s*([A-Za-z_][\w]*)\s*=\s*(true|false|-?\d+(?:\.\d+)?|"[^"]*")\s*$/;

/**
 * The decision this step feeds: conditions on the flows leaving it, or on a gateway right after
 * it, that test one variable against a constant. Each becomes a quick "complete with …" button,
 * so an officer never has to know that the gateway reads `accepted`.
 */
export function gatewayChoices(step: FlowNodeLike): GatewayChoice[] {
  const flows = (step.outgoing ?? []).flatMap((flow) =>
    flow.targetRef && DECISION_GATEWAYS.has(flow.targetRef.$type) ? (flow.targetRef.outgoing ?? []) : [flow],
  );
  const choices: GatewayChoice[] = [];
  for (const flow of flows) {
    const match = SIMPLE_CONDITION.exec(flow.conditionExpression?.body ?? '');
    if (!match) continue;
    const choice = { label: flow.name?.trim() || `${match[1]} = ${match[2]}`, variable: match[1], value: parseConstant(match[2]) };
    if (!choices.some((c) => c.variable === choice.variable && c.value === choice.value)) choices.push(choice);
  }
  return choices;
}

function parseConstant(text: string): ChoiceValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('"')) return text.slice(1, -1);
  return Number(text);
}
