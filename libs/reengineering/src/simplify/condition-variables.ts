import { parseExpression } from 'feelin';

const FEEL_WORDS = new Set(['true', 'false', 'null', 'and', 'or', 'not', 'in', 'between', 'instance', 'of', 'if', 'then', 'else', 'for', 'some', 'every', 'satisfies', 'return', 'function']);

/**
 * The process variables a FEEL condition reads (the root of each path, `a` in `a.b`).
 * Function names are not variables. An expression feelin can't parse falls back to every
 * identifier in it: when unsure, we'd rather refuse a removal than break a condition.
 */
export function variablesRead(condition: string): Set<string> {
  const source = condition.trim().replace(/^=/, '').trim();
  const names = new Set<string>();
  try {
    const tree = parseExpression(source, {}, undefined);
    let broken = false;
    tree.iterate({
      enter(ref) {
        if (ref.type.isError) broken = true;
        if (ref.type.name !== 'VariableName') return;
        const parent = ref.node.parent;
        const isFunctionName = parent?.type.name === 'FunctionInvocation' && parent.from === ref.from;
        if (!isFunctionName) names.add(source.slice(ref.from, ref.to));
      },
    });
    if (!broken) return names;
  } catch {
    // fall through to the identifier scan
  }
  const withoutStrings = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const match of withoutStrings.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (!FEEL_WORDS.has(match[0])) names.add(match[0]);
  }
  return names;
}
