import type { Behaviour } from '../behaviour.js';

/** A plain task (no type) does nothing and passes on; it documents a step done elsewhere. */
export const taskBehaviour: Behaviour = {
  enter: (rt, at) => rt.leaveByConditions(at),
};
