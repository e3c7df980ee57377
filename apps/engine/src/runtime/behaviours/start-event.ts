import type { Behaviour } from '../behaviour.js';

/** A start event passes the new token straight on. */
export const startEventBehaviour: Behaviour = {
  enter: (rt, at) => rt.leaveByConditions(at),
};
