import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import type { Behaviour } from '../behaviour.js';
import { mapVariables } from '../variable-mapping.js';

/**
 * Starts the latest version of the called procedure with the mapped variables and waits for it;
 * the child's end hands the mapped variables back (Runtime.endInstance).
 */
export const callActivityBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    rt.wait(token);
    const called = await rt.ports.definitions.latestByKey(node.calledElement!);
    if (!called) {
      throw new DomainError(ErrorCode.ProcessStuck, `${node.id} calls "${node.calledElement}", which is not deployed`, [
        { elementId: node.id, elementType: node.bpmnType, message: `no deployed process with key "${node.calledElement}"` },
      ]);
    }
    const activityInstanceId = token.activityInstanceId!;
    const child = await rt.startInstance(called, {
      variables: mapVariables(node.inputs ?? [], rt.variablesAt(state, token)),
      parent: { state, token },
    });
    rt.history.updateActivity(state.instance, activityInstanceId, { calledInstanceId: child.id });
  },
};
