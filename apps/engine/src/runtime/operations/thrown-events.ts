import type { FlowNode } from '../../model/procedure-graph.js';
import type { InstanceState } from '../instance-state.js';
import type { ExecutionRow } from '../rows.js';
import type { Runtime } from '../runtime.js';
import { mapVariables } from '../variable-mapping.js';
import { variablesAt } from './variables.js';

/**
 * A signal thrown by an intermediate throw or end event is a broadcast: every subscription of
 * the instances this command holds receives it now (a process may catch its own signal);
 * every other waiting instance and every signal start event gets a delivery job, run once.
 */
export async function throwSignal(rt: Runtime, state: InstanceState, token: ExecutionRow, node: FlowNode): Promise<void> {
  const name = node.signalName!;
  const variables = mapVariables(node.payload ?? [], variablesAt(state, token));
  const here = rt.loadedStates();
  const waiting = here.flatMap((s) =>
    s.instance.state === 'active' ? [...s.subscriptions.values()].filter((sub) => sub.type === 'signal' && sub.eventName === name).map((sub) => ({ s, sub })) : [],
  );
  for (const { s, sub } of waiting) {
    const receiver = sub.executionId ? s.executions.get(sub.executionId) : undefined;
    if (!receiver || !s.subscriptions.has(sub.id)) continue;
    await rt.dispatchEvent(s, receiver, sub.elementId, { variables });
  }
  await rt.ports.events.broadcastSignal({ name, variables, except: here.map((s) => s.id) });
}

/**
 * A message thrown by a send task or message throw/end event: to the instance held here that
 * waits for it, else to one waiting elsewhere with the same business key (a delivery job), else
 * to the process whose message start event it names, else into the outbox for the other
 * agency's system.
 */
export async function sendMessage(rt: Runtime, state: InstanceState, token: ExecutionRow, node: FlowNode): Promise<void> {
  const name = node.messageName!;
  const variables = mapVariables(node.payload ?? [], variablesAt(state, token));
  const businessKey = state.instance.businessKey;
  const here = rt.loadedStates();
  if (businessKey !== null) {
    for (const s of here) {
      if (s.instance.state !== 'active') continue;
      const sub = [...s.subscriptions.values()].find((x) => x.type === 'message' && x.eventName === name && x.businessKey === businessKey);
      const receiver = sub?.executionId ? s.executions.get(sub.executionId) : undefined;
      if (sub && receiver) {
        await rt.dispatchEvent(s, receiver, sub.elementId, { variables });
        return;
      }
    }
  }
  await rt.ports.events.sendMessage({ name, businessKey, variables, fromInstanceId: state.id, fromElementId: node.id }, here.map((s) => s.id));
}
