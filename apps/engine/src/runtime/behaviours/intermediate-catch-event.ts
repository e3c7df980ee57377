import type { Behaviour } from '../behaviour.js';

/** Timer or message catch: arms its event and waits; passes on when it happens. */
export const intermediateCatchEventBehaviour: Behaviour = {
  enter(rt, at, triggered) {
    if (triggered) return rt.leaveByConditions(at);
    rt.wait(at.token);
    rt.armEvent(at.state, at.token, at.node);
  },
  trigger(rt, at, signal) {
    if (signal.variables) rt.setVariables(at.state, signal.variables, at.node.id);
    rt.leaveByConditions(at);
  },
};
