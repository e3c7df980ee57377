import { isGateway } from '../bpmn/model-walk.js';
import type { ModdleElement } from '../bpmn/procedure-moddle.js';
import type { ProcedureModel } from './procedure-model.js';

/**
 * Removes the gateways among `touched` left with exactly one incoming and one outgoing flow:
 * they no longer split or join anything. The incoming flow (with its condition) is kept and
 * retargeted to the gateway's successor. Repeats on the neighbours, since removing one gateway
 * can leave the next one pointless. Event-based gateways are kept: they wait, they don't route.
 */
export function removePointlessGateways(model: ProcedureModel, touched: ModdleElement[]): string[] {
  const removed: string[] = [];
  const pending = [...touched];
  while (pending.length > 0) {
    const gateway = pending.shift();
    if (!isPointless(gateway)) continue;
    const [incoming] = gateway.incoming;
    const [outgoing] = gateway.outgoing;
    const successor = outgoing.targetRef;
    model.retarget(incoming, successor, outgoing);
    model.dropFlow(outgoing);
    gateway.incoming = [];
    gateway.outgoing = [];
    model.removeNode(gateway);
    removed.push(gateway.id);
    pending.push(incoming.sourceRef, successor);
  }
  return removed;
}

function isPointless(node: ModdleElement): boolean {
  if (!isGateway(node) || node.$type === 'bpmn:EventBasedGateway' || !node.$parent) return false;
  if ((node.incoming ?? []).length !== 1 || (node.outgoing ?? []).length !== 1) return false;
  // Removing it would make a flow from a node to itself.
  return node.incoming[0].sourceRef !== node.outgoing[0].targetRef;
}
