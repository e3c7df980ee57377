import type { InstanceState } from '../instance-state.js';
import type { Runtime } from '../runtime.js';
import { conditionHolds } from './feel-values.js';
import { variablesAt } from './variables.js';

/** Marks a non-interrupting conditional subscription that fired and waits for its condition to turn false. */
const FIRED = '#fired';

/**
 * Conditional events (catch, boundary, event sub-process start) wait for a FEEL condition over
 * the variables. They are checked when the agenda runs dry after a variable changed. An event
 * fires when its condition becomes true; a non-interrupting one that fired waits for the
 * condition to turn false before it can fire again, so a branch that sets variables can't
 * trigger itself forever. Returns whether any fired.
 */
export async function fireConditionalEvents(rt: Runtime, states: InstanceState[]): Promise<boolean> {
  let fired = false;
  for (const state of states) {
    if (state.instance.state !== 'active') continue;
    const graph = rt.graphOf(state);
    for (const sub of [...state.subscriptions.values()]) {
      if (sub.type !== 'conditional' || !state.subscriptions.has(sub.id)) continue;
      const token = sub.executionId ? state.executions.get(sub.executionId) : undefined;
      const node = graph.nodes.get(sub.elementId);
      if (!token || !node?.condition) continue;
      const holds = conditionHolds(node.condition, variablesAt(state, token));
      const latched = sub.eventName.endsWith(FIRED);
      if (!holds) {
        if (latched) sub.eventName = sub.eventName.slice(0, -FIRED.length);
        continue;
      }
      if (latched) continue;
      const keepsListening = (node.type === 'boundaryEvent' && node.cancelActivity === false) || (node.type === 'startEvent' && node.interrupting === false);
      if (keepsListening) sub.eventName += FIRED;
      else state.subscriptions.delete(sub.id);
      await rt.dispatchEvent(state, token, node.id, {});
      fired = true;
    }
  }
  return fired;
}
