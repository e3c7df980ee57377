import type { Behaviour } from '../behaviour.js';

/** Entered only when its event fired (the runtime cancels or keeps the host): passes on. */
export const boundaryEventBehaviour: Behaviour = {
  enter: (rt, at) => rt.leaveByConditions(at),
};
