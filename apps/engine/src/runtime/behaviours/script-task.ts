import type { Behaviour } from '../behaviour.js';
import { evaluateFeel } from '../operations/feel-values.js';

/**
 * Script task in FEEL, never JavaScript: the expression is evaluated against the token's
 * variables; its result goes to the result variable, or — without one — a FEEL context's
 * entries become variables (`{ fee: 50000, free: age > 70 }`).
 */
export const scriptTaskBehaviour: Behaviour = {
  enter(rt, at) {
    const { state, token, node } = at;
    const value = evaluateFeel(node, 'script', node.script!, rt.variablesAt(state, token));
    if (node.resultVariable) rt.setVariables(state, { [node.resultVariable]: toJson(value) }, node.id, token);
    else if (value && typeof value === 'object' && !Array.isArray(value)) rt.setVariables(state, toJson(value) as Record<string, unknown>, node.id, token);
    rt.leaveByConditions(at);
  },
};

/** FEEL dates, times and durations become their ISO text, as variables are stored as JSON. */
export function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value ?? null));
}
