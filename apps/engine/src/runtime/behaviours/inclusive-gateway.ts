import type { Behaviour } from '../behaviour.js';
import { inclusiveJoinMayFire, mergeJoin } from '../operations/joins.js';

/**
 * Fork: every flow whose condition holds (else the default). Join: waits only for the branches
 * that were taken — it fires once no other token of its scope can still reach it.
 */
export const inclusiveGatewayBehaviour: Behaviour = {
  enter(rt, at) {
    const { state, token, node } = at;
    if (node.incoming.length <= 1) return rt.leave(at, rt.chooseFlows(at, 'all'));
    token.state = 'joining';
    if (inclusiveJoinMayFire(rt, state, token)) mergeJoin(rt, at, 'inclusive');
  },
};
