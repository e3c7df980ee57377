import type { Behaviour } from '../behaviour.js';
import { mergeJoin, parallelJoinReady } from '../operations/joins.js';

/** Fork: every outgoing flow. Join: waits until a token has arrived on every incoming flow. */
export const parallelGatewayBehaviour: Behaviour = {
  enter(rt, at) {
    const { state, token, node } = at;
    if (node.incoming.length <= 1) return rt.leave(at, node.outgoing);
    token.state = 'joining';
    if (parallelJoinReady(state, token, node.incoming, node.id)) mergeJoin(rt, at, 'parallel');
  },
};
