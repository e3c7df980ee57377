import type { FlowNode, FormValue, ProcedureGraph } from './procedure-graph.js';

/** The decision a step feeds: the exclusive gateway right after it, testing one variable. */
export interface StepDecision {
  gatewayId: string;
  /** The gateway's name ("Tiếp nhận người thực hành?"): the question the choices answer. */
  question?: string;
  variable: string;
  /** One per conditional flow, in the diagram's order; the label is the flow's name. */
  choices: { value: FormValue; label: string; flowId: string; targetName?: string }[];
  /** False when the gateway has a default flow: then no choice is a choice too. */
  required: boolean;
}

// `accepted = true`, `inspectionPassed = false`, `score = 3`, `result = "pass"` (leading `=` already gone)
const SIMPLE_CONDITION = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(true|false|-?\d+(?:\.\d+)?|"[^"]*")\s*$/u;

/**
 * Reads the decision a step hands to the gateway after it, when that gateway is exclusive and
 * every conditional flow compares the same variable with a constant. Anything richer (ranges,
 * several variables) is not a choice between buttons, so there is no decision to offer.
 */
export function decisionAfter(graph: ProcedureGraph, step: FlowNode): StepDecision | undefined {
  if (step.outgoing.length !== 1) return undefined;
  const gateway = graph.nodes.get(graph.flows.get(step.outgoing[0])?.targetId ?? '');
  if (!gateway || gateway.type !== 'exclusiveGateway') return undefined;
  let variable: string | undefined;
  const choices: StepDecision['choices'] = [];
  for (const flowId of gateway.outgoing) {
    const flow = graph.flows.get(flowId);
    if (!flow) return undefined;
    if (flow.condition === undefined) {
      if (flowId === gateway.defaultFlowId) continue;
      return undefined;
    }
    const match = SIMPLE_CONDITION.exec(flow.condition);
    if (!match || (variable !== undefined && match[1] !== variable)) return undefined;
    variable = match[1];
    const value = constant(match[2]);
    if (choices.some((c) => c.value === value)) continue;
    const target = graph.nodes.get(flow.targetId);
    choices.push({ value, label: flow.name?.trim() || (target?.name ?? String(value)), flowId, ...(target?.name ? { targetName: target.name } : {}) });
  }
  if (!variable || choices.length === 0) return undefined;
  // "= approved = true" with a default flow: false is the default path's button, labelled by it.
  const defaultFlow = gateway.defaultFlowId ? graph.flows.get(gateway.defaultFlowId) : undefined;
  if (defaultFlow && choices.length === 1 && typeof choices[0].value === 'boolean') {
    const target = graph.nodes.get(defaultFlow.targetId);
    choices.push({ value: !choices[0].value, label: defaultFlow.name?.trim() || (target?.name ?? String(!choices[0].value)), flowId: defaultFlow.id, ...(target?.name ? { targetName: target.name } : {}) });
  }
  return { gatewayId: gateway.id, ...(gateway.name ? { question: gateway.name } : {}), variable, choices, required: !gateway.defaultFlowId };
}

function constant(text: string): FormValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('"')) return text.slice(1, -1);
  return Number(text);
}
