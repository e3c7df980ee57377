import { evaluate, unaryTest } from 'feelin';
import type { FlowNode } from '../model/procedure-graph.js';
import { stuck } from '../runtime/operations/feel-values.js';
import { toJson } from '../runtime/behaviours/script-task.js';
import type { DecisionTable } from './decision-table.js';

type Output = Record<string, unknown>;

/** The matched rules' outputs (an aggregation: one entry holding it), and whether the policy gives one hit. */
export interface DecisionResult {
  rules: Output[];
  singleHit: boolean;
}

/**
 * Evaluates a decision table against the variables, by its hit policy (DMN 1.3): UNIQUE (more
 * than one match is an error), FIRST, PRIORITY and OUTPUT ORDER (by the outputs' allowed
 * values), ANY (matches must agree), RULE ORDER, COLLECT with or without SUM/MIN/MAX/COUNT.
 */
export function evaluateDecisionTable(node: FlowNode, table: DecisionTable, variables: Record<string, unknown>): DecisionResult {
  const what = `decision "${table.key}"`;
  const inputValues = table.inputs.map((input) => feel(node, `${what} input "${input.label ?? input.expression}"`, input.expression, variables));
  const matched: Output[] = [];
  for (const rule of table.rules) {
    const matches = rule.inputEntries.every((entry, i) => {
      if (entry === '-') return true;
      try {
        return unaryTest(entry, { ...variables, '?': inputValues[i] }).value === true;
      } catch (error) {
        throw stuck(node, `${what}, rule ${rule.id}: input entry "${entry}" failed: ${(error as Error).message}`);
      }
    });
    if (!matches) continue;
    const output: Output = {};
    table.outputs.forEach((o, i) => (output[o.name] = toJson(feel(node, `${what}, rule ${rule.id}`, rule.outputEntries[i], variables))));
    matched.push(output);
  }
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) throw stuck(node, `${what} has hit policy UNIQUE but ${matched.length} rules matched`);
      return { rules: matched, singleHit: true };
    case 'FIRST':
      return { rules: matched.slice(0, 1), singleHit: true };
    case 'ANY':
      if (new Set(matched.map((m) => JSON.stringify(m))).size > 1) throw stuck(node, `${what} has hit policy ANY but the matching rules disagree`);
      return { rules: matched.slice(0, 1), singleHit: true };
    case 'PRIORITY':
      return { rules: byPriority(table, matched).slice(0, 1), singleHit: true };
    case 'OUTPUT ORDER':
      return { rules: byPriority(table, matched), singleHit: false };
    case 'RULE ORDER':
      return { rules: matched, singleHit: false };
    case 'COLLECT': {
      if (!table.aggregation) return { rules: matched, singleHit: false };
      const name = table.outputs[0].name;
      if (table.aggregation === 'COUNT') return { rules: [{ [name]: matched.length }], singleHit: true };
      const values = matched.map((m) => m[table.outputs[0].name]);
      if (values.some((v) => typeof v !== 'number')) throw stuck(node, `${what}: ${table.aggregation} needs numbers, got ${JSON.stringify(values)}`);
      const numbers = values as number[];
      const aggregate = numbers.length === 0 ? null : table.aggregation === 'SUM' ? numbers.reduce((a, b) => a + b, 0) : table.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
      return { rules: [{ [name]: aggregate }], singleHit: true };
    }
  }
}

function byPriority(table: DecisionTable, matched: Output[]): Output[] {
  const ranked = table.outputs.filter((o) => o.values);
  const rank = (m: Output) => ranked.map((o) => {
    const at = o.values!.indexOf(String(m[o.name]));
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  });
  return [...matched].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return 0;
  });
}

function feel(node: FlowNode, what: string, source: string, variables: Record<string, unknown>): unknown {
  try {
    return evaluate(source, variables).value;
  } catch (error) {
    throw stuck(node, `${what}: "${source}" failed: ${(error as Error).message}`);
  }
}

/**
 * The result as the task asks for it. Camunda 7's mapDecisionResult: singleEntry (one value),
 * singleResult (one rule's outputs), collectEntries (one output of every rule), resultList
 * (every rule's outputs). Zeebe's (`natural`): a single-hit table gives its one value or its
 * outputs, a multi-hit one the list of them; an aggregation gives its one number.
 */
export function mapDecisionResult(node: FlowNode, result: DecisionResult): unknown {
  const mapping = node.mapDecisionResult ?? 'resultList';
  const values = (m: Output) => Object.values(m);
  const single = (m: Output | undefined) => (m === undefined ? null : values(m).length === 1 ? values(m)[0] : m);
  switch (mapping) {
    case 'singleEntry':
      if (result.rules.length > 1) throw stuck(node, `mapDecisionResult singleEntry expects one rule, ${result.rules.length} matched`);
      if (result.rules[0] && values(result.rules[0]).length > 1) throw stuck(node, 'mapDecisionResult singleEntry expects one output; use singleResult');
      return result.rules[0] ? values(result.rules[0])[0] : null;
    case 'singleResult':
      if (result.rules.length > 1) throw stuck(node, `mapDecisionResult singleResult expects one rule, ${result.rules.length} matched`);
      return result.rules[0] ?? null;
    case 'collectEntries':
      if (result.rules.some((m) => values(m).length > 1)) throw stuck(node, 'mapDecisionResult collectEntries expects one output; use resultList');
      return result.rules.map((m) => values(m)[0]);
    case 'resultList':
      return result.rules;
    case 'natural':
      return result.singleHit ? single(result.rules[0]) : result.rules.map(single);
  }
}
