import { evaluate, parseExpression } from 'feelin';

/** Strips the optional leading `=` of Camunda-style expressions. */
export function feelSource(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/** Returns a reason when `source` is not a parseable FEEL expression, else undefined. */
export function feelSyntaxError(source: string): string | undefined {
  if (source.length === 0) return 'the condition is empty';
  try {
    const tree = parseExpression(source, {}, undefined);
    let errorAt: number | undefined;
    tree.iterate({
      enter(node) {
        if (node.type.isError && errorAt === undefined) errorAt = node.from;
      },
    });
    if (errorAt !== undefined) return `FEEL syntax error at position ${errorAt + 1} in "${source}"`;
    // Parsing accepts some fragments the evaluator refuses ("a +"): evaluate once on nothing.
    evaluate(source, {});
    return undefined;
  } catch (error) {
    return `FEEL syntax error in "${source}": ${(error as Error).message}`;
  }
}

export type ConditionOutcome = { ok: true; value: boolean } | { ok: false; reason: string };

/**
 * Evaluates a sequence-flow condition. A result that is not a boolean is reported, never read as
 * false: a typo in a variable name must stop the dossier, not silently route it (docs/bpmn.md).
 */
export function evaluateCondition(source: string, variables: Record<string, unknown>): ConditionOutcome {
  try {
    const { value, warnings } = evaluate(source, variables);
    // A variable nobody set compares as null and would route as false; Camunda refuses that too.
    const missing = warnings.filter((w) => w.type === 'NO_VARIABLE_FOUND');
    if (missing.length > 0) {
      return { ok: false, reason: `condition "${source}" reads a variable that is not set (${missing.map((w) => w.message).join('; ')})` };
    }
    if (typeof value === 'boolean') return { ok: true, value };
    const hint = warnings.map((w) => w.message).join('; ');
    return { ok: false, reason: `condition "${source}" gave ${JSON.stringify(value ?? null)}, not true/false${hint ? ` (${hint})` : ''}` };
  } catch (error) {
    return { ok: false, reason: `condition "${source}" failed: ${(error as Error).message}` };
  }
}
