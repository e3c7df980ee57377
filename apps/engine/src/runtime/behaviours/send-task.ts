import type { Behaviour } from '../behaviour.js';
import { sendMessage } from '../operations/thrown-events.js';
import { serviceTaskBehaviour } from './service-task.js';

/**
 * Sends its message (to a waiting process here, else the outbox) and goes on. A send task
 * that names no message is implemented like a service task (`od:handler`, or a no-op).
 */
export const sendTaskBehaviour: Behaviour = {
  async enter(rt, at) {
    if (!at.node.messageName) return serviceTaskBehaviour.enter(rt, at);
    await sendMessage(rt, at.state, at.token, at.node);
    if (at.state.executions.get(at.token.id) === at.token && at.token.activityInstanceId) rt.leaveByConditions(at);
  },
};
