import { flow as flowOf, node as nodeOf } from '../../model/procedure-graph.js';
import type { Behaviour } from '../behaviour.js';

/** Waits for whichever of the following events happens first; the others are disarmed. */
export const eventBasedGatewayBehaviour: Behaviour = {
  enter(rt, at) {
    const graph = rt.graphOf(at.state);
    rt.wait(at.token);
    for (const flowId of at.node.outgoing) rt.armEvent(at.state, at.token, nodeOf(graph, flowOf(graph, flowId).targetId));
  },
};
