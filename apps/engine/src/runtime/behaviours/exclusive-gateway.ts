import type { Behaviour } from '../behaviour.js';

/** Takes the first outgoing flow whose condition holds, else the default; none → the command fails. */
export const exclusiveGatewayBehaviour: Behaviour = {
  enter: (rt, at) => rt.leave(at, rt.chooseFlows(at, 'first')),
};
