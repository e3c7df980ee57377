import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import type { Behaviour } from '../behaviour.js';
import { serviceTaskBehaviour } from './service-task.js';

/**
 * Evaluates its DMN decision table against the token's variables and puts the mapped result in
 * its result variable. Implemented by `od:handler` instead, it runs like a service task.
 */
export const businessRuleTaskBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    if (!node.decisionKey) return serviceTaskBehaviour.enter(rt, at);
    const decisions = rt.ports.decisions;
    if (!decisions) throw new DomainError(ErrorCode.ProcessStuck, `${node.id}: decisions are not available`);
    const result = await decisions.evaluate(node, rt.variablesAt(state, token));
    rt.setVariables(state, { [node.resultVariable!]: result }, node.id, token);
    rt.leaveByConditions(at);
  },
};
