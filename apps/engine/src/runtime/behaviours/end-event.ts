import type { Behaviour } from '../behaviour.js';
import { throwCompensation } from '../operations/compensation.js';
import { throwEscalation } from '../operations/propagation.js';
import { sendMessage, throwSignal } from '../operations/thrown-events.js';

/**
 * None end: the token ends. Terminate end: every other token of the same scope ends too (the
 * whole instance at the top level). Error end: a BPMN error goes up to the nearest catcher.
 * Escalation, signal, message and compensation ends throw their event, then the token ends.
 */
export const endEventBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    switch (node.event) {
      case 'error':
        rt.closeActivity(state, token, 'completed');
        await rt.throwError(state, token, node.errorCode);
        return;
      case 'terminate': {
        rt.closeActivity(state, token, 'completed');
        const scopeId = token.parentId!;
        for (const other of state.childrenOf(scopeId)) if (other.id !== token.id) rt.cancelToken(state, other);
        state.executions.delete(token.id);
        if (scopeId === state.id) {
          await rt.endInstance(state, 'completed', node.id);
        } else {
          const scope = state.executions.get(scopeId)!;
          rt.schedule('complete-scope', () => rt.completeScope(state, scope));
        }
        return;
      }
      case 'escalation':
        if (!(await throwEscalation(rt, state, token, node.escalationCode))) return;
        break;
      case 'signal':
        await throwSignal(rt, state, token, node);
        break;
      case 'message':
        await sendMessage(rt, state, token, node);
        break;
      case 'compensate':
        if (throwCompensation(rt, state, token, node)) return; // ends when the handlers are done
        break;
    }
    if (state.executions.get(token.id) === token && token.activityInstanceId) rt.leave(at, []);
  },
  trigger(rt, at) {
    rt.leave(at, []);
  },
};
