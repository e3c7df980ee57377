import type { Behaviour } from '../behaviour.js';

/** Fork: every outgoing flow. Join: waits until a token has arrived on every incoming flow. */
export const parallelGatewayBehaviour: Behaviour = {
  enter(rt, at) {
    const { state, token, node } = at;
    if (node.incoming.length <= 1) return rt.leave(at, node.outgoing);
    token.state = 'joining';
    const arrived = new Set(
      state.childrenOf(token.parentId!).filter((e) => e.activityId === node.id && e.state === 'joining').map((e) => e.incomingFlowId),
    );
    if (node.incoming.every((flowId) => arrived.has(flowId))) rt.mergeJoin(at, 'parallel');
  },
};
