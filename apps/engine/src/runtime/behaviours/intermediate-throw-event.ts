import type { Behaviour } from '../behaviour.js';
import { throwEscalation } from '../operations/propagation.js';
import { sendMessage, throwSignal } from '../operations/thrown-events.js';
import { throwCompensation } from '../operations/compensation.js';

/**
 * Throws its event and goes on: a signal (broadcast), a message (sent), an escalation (to the
 * nearest catcher; an interrupting one ends this token too), a compensation (waits for the
 * handlers), or a link (jumps to the catch of the same name). A none throw just passes.
 */
export const intermediateThrowEventBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    switch (node.event) {
      case 'link':
        rt.closeActivity(state, token, 'completed');
        rt.disarm(state, token);
        rt.schedule('enter', () => rt.enter(state, token, node.linkTargetId!, null));
        return;
      case 'signal':
        await throwSignal(rt, state, token, node);
        break;
      case 'message':
        await sendMessage(rt, state, token, node);
        break;
      case 'escalation':
        if (!(await throwEscalation(rt, state, token, node.escalationCode))) return;
        break;
      case 'compensate':
        if (throwCompensation(rt, state, token, node)) return; // waits for the handlers
        break;
    }
    if (state.executions.get(token.id) === token && token.activityInstanceId) rt.leaveByConditions(at);
  },
  trigger(rt, at) {
    rt.leaveByConditions(at);
  },
};
