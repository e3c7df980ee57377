import type { Behaviour } from '../behaviour.js';

/**
 * User and manual tasks wait for a person: they create a task in the department's inbox and
 * leave when it is completed, with the variables the person submitted.
 */
export function humanTaskBehaviour(kind: 'user' | 'manual'): Behaviour {
  return {
    enter(rt, at) {
      rt.wait(at.token);
      rt.createTask(at, kind);
    },
    trigger(rt, at, signal) {
      if (signal.variables) rt.setVariables(at.state, signal.variables, at.node.id, at.token);
      rt.leaveByConditions(at);
    },
  };
}
