import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import type { Behaviour } from '../behaviour.js';
import { BpmnError } from '../ports.js';

/**
 * Runs its `od:handler` inside the command (no handler: a no-op). A handler's BpmnError goes to
 * the error boundary events; any other failure rolls the command back.
 */
export const serviceTaskBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    if (node.handler) {
      const handler = rt.ports.handlers.get(node.handler);
      if (!handler) throw new DomainError(ErrorCode.ProcessStuck, `no service handler named "${node.handler}" is registered`, [
        { elementId: node.id, elementType: node.bpmnType, message: `unknown od:handler "${node.handler}"` },
      ]);
      try {
        const output = handler({ variables: rt.variablesAt(state, token), instanceId: state.id, businessKey: state.instance.businessKey, elementId: node.id });
        if (output) rt.setVariables(state, output, node.id, token);
      } catch (error) {
        if (error instanceof BpmnError) return rt.throwError(state, token, error.errorCode);
        throw error;
      }
    }
    rt.leaveByConditions(at);
  },
};
