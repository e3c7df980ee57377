import type { Behaviour } from '../behaviour.js';
import { conditionHolds } from '../operations/feel-values.js';

/**
 * Timer, message, signal or conditional catch: arms its event and waits; passes on when it
 * happens. A conditional catch whose condition already holds passes at once. A link catch is
 * where its link throw lands: it passes straight on.
 */
export const intermediateCatchEventBehaviour: Behaviour = {
  enter(rt, at, triggered) {
    const { state, token, node } = at;
    if (triggered || node.event === 'link') return rt.leaveByConditions(at);
    if (node.event === 'conditional' && conditionHolds(node.condition!, rt.variablesAt(state, token))) return rt.leaveByConditions(at);
    rt.wait(token);
    rt.armEvent(state, token, node);
  },
  trigger(rt, at, signal) {
    if (signal.variables) rt.setVariables(at.state, signal.variables, at.node.id, at.token);
    rt.leaveByConditions(at);
  },
};
