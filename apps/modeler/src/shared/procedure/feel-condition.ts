import { parseExpression } from 'feelin';

export type FeelConditionProblem = 'empty' | 'syntax' | 'doubled-comparison';

export interface FeelConditionCheck {
  /** The expression without the optional leading `=` (Camunda 8 style). */
  expression: string;
  problem?: FeelConditionProblem;
  /** Character offset of the first syntax error in `expression`. */
  at?: number;
}

/**
 * Checks a sequence-flow condition the way the engine will read it: FEEL, with an optional
 * leading `=`. feelin's parser recovers from errors by inserting `⚠` nodes instead of
 * throwing, so we look for them. `a = = b` parses (as a unary test) but always yields null
 * at run time, so it is reported too.
 */
export function checkFeelCondition(raw: string): FeelConditionCheck {
  const expression = stripLeadingEquals(raw);
  if (!expression) return { expression, problem: 'empty' };

  let errorAt: number | undefined;
  let doubled = false;
  try {
    parseExpression(expression, {}, undefined).iterate({
      enter(node) {
        if (node.type.isError && errorAt === undefined) errorAt = node.from;
        // `x in [1..5]` is a unary test too; only `= = y`, `> = y`… start with a second operator
        if (node.name === 'SimplePositiveUnaryTest' && node.node.firstChild?.name === 'CompareOp') doubled = true;
      },
    });
  } catch {
    return { expression, problem: 'syntax', at: 0 };
  }
  if (errorAt !== undefined) return { expression, problem: 'syntax', at: errorAt };
  if (doubled) return { expression, problem: 'doubled-comparison' };
  return { expression };
}

export function stripLeadingEquals(raw: string): string {
  return raw.trim().replace(/^=/, '').trim();
}
