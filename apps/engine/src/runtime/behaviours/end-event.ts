import type { Behaviour } from '../behaviour.js';

/**
 * None end: the token ends. Terminate end: every other token of the same scope ends too (the
 * whole instance at the top level). Error end: a BPMN error goes up to the nearest catcher.
 */
export const endEventBehaviour: Behaviour = {
  async enter(rt, at) {
    const { state, token, node } = at;
    if (node.event === 'error') {
      rt.closeActivity(state, token, 'completed');
      await rt.throwError(state, token, node.errorCode);
      return;
    }
    if (node.event === 'terminate') {
      rt.closeActivity(state, token, 'completed');
      const scopeId = token.parentId!;
      for (const other of state.childrenOf(scopeId)) if (other.id !== token.id) rt.cancelToken(state, other);
      state.executions.delete(token.id);
      if (scopeId === state.id) {
        await rt.endInstance(state, 'completed', node.id);
      } else {
        const scope = state.executions.get(scopeId)!;
        rt.schedule('complete-scope', () => rt.completeScope(state, scope));
      }
      return;
    }
    rt.leave(at, []);
  },
};
