import { feelSource, feelSyntaxError } from './feel.js';
import type { ModdleElement } from './moddle.js';

type Refuse = (element: ModdleElement, message: string) => void;

/** A FEEL expression element (condition, completion condition…): its source, or a refusal. */
export function readFeel(element: ModdleElement, expression: ModdleElement, refuse: Refuse, what: string): string | undefined {
  if (expression.language && !/feel/i.test(expression.language)) {
    refuse(element, `${what} language "${expression.language}" is not supported; write FEEL`);
    return undefined;
  }
  return feelText(element, expression.body ?? '', refuse, what);
}

/** FEEL source text (optional leading `=`), checked for syntax. */
export function feelText(element: ModdleElement, text: string, refuse: Refuse, what: string): string | undefined {
  const source = feelSource(text);
  const problem = feelSyntaxError(source);
  if (problem) {
    refuse(element, what === 'condition' ? problem : `${what}: ${problem}`);
    return undefined;
  }
  return source;
}
