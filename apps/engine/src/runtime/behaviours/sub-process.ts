import type { Behaviour } from '../behaviour.js';
import { armEventSubProcesses } from '../operations/event-arming.js';

/**
 * Embedded sub-process: the token becomes the scope of a new token on the inner start event
 * (its event sub-processes start listening); the runtime leaves the sub-process when the last
 * inner token ends.
 */
export const subProcessBehaviour: Behaviour = {
  enter(rt, at) {
    const { state, token, node } = at;
    token.state = 'scope';
    armEventSubProcesses(rt, state, token);
    const inner = rt.newExecution(state.id, token.id, null, 'active');
    state.executions.set(inner.id, inner);
    rt.schedule('enter', () => rt.enter(state, inner, node.startEventId!, null));
  },
};
