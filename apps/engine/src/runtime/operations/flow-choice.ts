import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { evaluateCondition } from '../../model/feel.js';
import { flow as flowOf } from '../../model/procedure-graph.js';
import type { Position } from '../behaviour.js';
import type { Runtime } from '../runtime.js';
import { variablesAt } from './variables.js';

/**
 * The outgoing flows a token takes: `first` (exclusive gateway) or `all` whose conditions hold;
 * none holding, the default flow; none at all, the command stops (a dossier never silently
 * vanishes down no path).
 */
export function chooseFlows(rt: Runtime, at: Position, mode: 'first' | 'all'): string[] {
  const graph = rt.graphOf(at.state);
  const { node } = at;
  let variables: Record<string, unknown> | undefined;
  const chosen: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlowId) continue;
    const condition = flowOf(graph, flowId).condition;
    if (condition === undefined) {
      chosen.push(flowId);
    } else {
      const outcome = evaluateCondition(condition, (variables ??= variablesAt(at.state, at.token)));
      if (!outcome.ok) {
        throw new DomainError(ErrorCode.ProcessStuck, `${node.id}: ${outcome.reason}`, [
          { elementId: flowId, elementType: 'bpmn:SequenceFlow', message: outcome.reason },
        ]);
      }
      if (outcome.value) chosen.push(flowId);
    }
    if (mode === 'first' && chosen.length > 0) return chosen;
  }
  if (chosen.length === 0 && node.defaultFlowId) return [node.defaultFlowId];
  if (chosen.length === 0 && node.outgoing.length > 0) {
    const message = `no outgoing flow of ${node.id} matched and it has no default flow`;
    throw new DomainError(ErrorCode.ProcessStuck, message, [{ elementId: node.id, elementType: node.bpmnType, message }]);
  }
  return chosen;
}
