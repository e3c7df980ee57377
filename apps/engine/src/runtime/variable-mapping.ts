import type { VariableMapping } from '../model/procedure-graph.js';

/** Applies call-activity in/out mappings (`camunda:in`/`camunda:out`; none declared = all). */
export function mapVariables(mappings: VariableMapping[], from: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const m of mappings) {
    if (m.all) Object.assign(result, from);
    else if (m.source && m.source in from) result[m.target ?? m.source] = from[m.source];
  }
  return result;
}
