import type { Behaviour } from '../behaviour.js';

/** Waits for its message (armed on entry like a catch event), then passes on. */
export const receiveTaskBehaviour: Behaviour = {
  enter(rt, at, triggered) {
    if (triggered) return rt.leaveByConditions(at);
    rt.wait(at.token);
    rt.armEvent(at.state, at.token, at.node);
  },
  trigger(rt, at, signal) {
    if (signal.variables) rt.setVariables(at.state, signal.variables, at.node.id, at.token);
    rt.leaveByConditions(at);
  },
};
