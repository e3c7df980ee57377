import { evaluate } from 'feelin';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import type { FlowNode } from '../../model/procedure-graph.js';

/**
 * Evaluates a FEEL expression of a node at run time. A variable nobody set, or a value of the
 * wrong kind, stops the command with the element named (422), never a silent default: a
 * consultation sent to no department is worse than one that waits for a fix.
 */
export function evaluateFeel(node: FlowNode, what: string, source: string, variables: Record<string, unknown>): unknown {
  let result;
  try {
    result = evaluate(source, variables);
  } catch (error) {
    throw stuck(node, `${what} "${source}" failed: ${(error as Error).message}`);
  }
  const missing = result.warnings.filter((w) => w.type === 'NO_VARIABLE_FOUND');
  if (missing.length > 0) throw stuck(node, `${what} "${source}" reads a variable that is not set (${missing.map((w) => w.message).join('; ')})`);
  return result.value;
}

export function evaluateBoolean(node: FlowNode, what: string, source: string, variables: Record<string, unknown>): boolean {
  const value = evaluateFeel(node, what, source, variables);
  if (typeof value !== 'boolean') throw stuck(node, `${what} "${source}" gave ${JSON.stringify(value ?? null)}, not true/false`);
  return value;
}

/** Conditional events wait for their condition: unset variables or a non-boolean simply mean "not yet". */
export function conditionHolds(source: string, variables: Record<string, unknown>): boolean {
  try {
    return evaluate(source, variables).value === true;
  } catch {
    return false;
  }
}

export function stuck(node: FlowNode, message: string): DomainError {
  return new DomainError(ErrorCode.ProcessStuck, `${node.id}: ${message}`, [{ elementId: node.id, elementType: node.bpmnType, message }]);
}
