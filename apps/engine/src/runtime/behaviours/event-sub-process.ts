import type { Behaviour } from '../behaviour.js';
import { armEventSubProcesses } from '../operations/event-arming.js';

/**
 * An event sub-process, once its start event fired (operations/event-sub-process.ts): a scope
 * like an embedded sub-process whose inner token passes its (already triggered) start event.
 * It has no outgoing flows: when its last token ends, it ends, and so may its parent scope.
 */
export const eventSubProcessBehaviour: Behaviour = {
  enter(rt, at, triggered) {
    const { state, token, node } = at;
    token.state = 'scope';
    armEventSubProcesses(rt, state, token);
    const inner = rt.newExecution(state.id, token.id, null, 'active');
    state.executions.set(inner.id, inner);
    rt.schedule('enter', () => rt.enter(state, inner, node.startEventId!, null, triggered ?? {}));
  },
};
