import type { ErrorDetail } from '../shared/domain-error.js';
import type { FlowNode, ProcedureGraph } from './procedure-graph.js';

const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);
const ACTIVITIES = new Set(['userTask', 'manualTask', 'receiveTask', 'serviceTask', 'task', 'subProcess', 'callActivity']);

/**
 * Structural checks that need the whole graph: gateways that can't route, scopes that can't
 * start, elements no token can ever reach, event-based gateways that wait on nothing.
 */
export function validateGraph(graph: ProcedureGraph, details: ErrorDetail[], options: { skipReachability?: boolean } = {}): void {
  const refuse = (n: FlowNode, message: string) => details.push({ elementId: n.id, elementType: n.bpmnType, message });
  const scopes = new Map<string, FlowNode[]>();
  for (const n of graph.nodes.values()) {
    const list = scopes.get(n.scopeId) ?? [];
    list.push(n);
    scopes.set(n.scopeId, list);
  }

  for (const f of graph.flows.values()) {
    const source = graph.nodes.get(f.sourceId);
    const target = graph.nodes.get(f.targetId);
    if (source && target && source.scopeId !== target.scopeId) {
      details.push({ elementId: f.id, elementType: 'bpmn:SequenceFlow', message: `the flow crosses a sub-process boundary (${f.sourceId} → ${f.targetId})` });
    }
    if (f.condition && source && (source.type === 'parallelGateway' || source.type === 'eventBasedGateway')) {
      details.push({ elementId: f.id, elementType: 'bpmn:SequenceFlow', message: `a ${source.type} ignores conditions; remove it or use an exclusive or inclusive gateway` });
    }
  }

  for (const n of graph.nodes.values()) {
    if (GATEWAYS.has(n.type) && n.outgoing.length === 0) refuse(n, 'the gateway has no outgoing sequence flow');
    if (n.type === 'startEvent' && n.incoming.length > 0) refuse(n, 'a start event cannot have incoming flows');
    if (n.type === 'endEvent' && n.outgoing.length > 0) refuse(n, 'an end event cannot have outgoing flows');
    if (n.type === 'boundaryEvent') {
      const host = n.attachedToId ? graph.nodes.get(n.attachedToId) : undefined;
      if (n.attachedToId && (!host || !ACTIVITIES.has(host.type))) refuse(n, `a boundary event must hang on an activity, not on ${n.attachedToId}`);
      if (n.event === 'error' && host && !['subProcess', 'callActivity', 'serviceTask'].includes(host.type)) {
        refuse(n, 'only a sub-process, call activity or service task can throw a BPMN error to catch here');
      }
    }
    if (n.defaultFlowId && !n.outgoing.includes(n.defaultFlowId)) refuse(n, `default flow ${n.defaultFlowId} is not one of its outgoing flows`);
    if (n.defaultFlowId && graph.flows.get(n.defaultFlowId)?.condition) refuse(n, 'the default flow must not carry a condition');
    if (n.type === 'eventBasedGateway') {
      for (const fid of n.outgoing) {
        const target = graph.nodes.get(graph.flows.get(fid)!.targetId);
        if (!target) continue;
        const waits = (target.type === 'intermediateCatchEvent' && (target.event === 'timer' || target.event === 'message')) || target.type === 'receiveTask';
        if (!waits) refuse(n, `an event-based gateway must lead to timer/message catch events or receive tasks, not ${target.bpmnType} ${target.id}`);
        else if (target.incoming.length > 1) refuse(target, 'an event after an event-based gateway must have that gateway as its only incoming flow');
      }
    }
    if (n.type === 'exclusiveGateway' || n.type === 'inclusiveGateway') {
      if (n.outgoing.length > 1) {
        const unconditioned = n.outgoing.filter((fid) => fid !== n.defaultFlowId && !graph.flows.get(fid)?.condition);
        if (unconditioned.length > 0) refuse(n, `outgoing flows ${unconditioned.join(', ')} need a condition or must be the default flow`);
      }
    }
  }

  for (const [scopeId, members] of scopes) {
    const starts = members.filter((n) => n.type === 'startEvent');
    const isProcess = scopeId === graph.key;
    if (isProcess && starts.length === 0) {
      details.push({ elementId: graph.key, elementType: 'bpmn:Process', message: 'the process has no start event' });
    }
    if (!isProcess) {
      const sub = graph.nodes.get(scopeId)!;
      const none = starts.filter((s) => s.event === 'none');
      if (none.length !== 1 || starts.length !== 1) refuse(sub, 'an embedded sub-process needs exactly one none start event');
      else sub.startEventId = none[0].id;
    }
    // With unsupported elements left out of the graph, everything behind them would look
    // unreachable: report the cause, not its echo.
    if (!options.skipReachability) reportUnreachable(graph, members, starts, refuse);
    if (!members.some((n) => n.type === 'endEvent') && members.length > 0) {
      const owner = isProcess ? { id: graph.key, bpmnType: 'bpmn:Process' } : graph.nodes.get(scopeId)!;
      details.push({ elementId: owner.id, elementType: owner.bpmnType, message: 'the scope has no end event' });
    }
  }
}

/** Every element must be reachable from a start event of its scope (boundary events via their host). */
function reportUnreachable(graph: ProcedureGraph, members: FlowNode[], starts: FlowNode[], refuse: (n: FlowNode, m: string) => void): void {
  const reached = new Set<string>();
  const queue = starts.map((s) => s.id);
  while (queue.length) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const n = graph.nodes.get(id)!;
    for (const fid of n.outgoing) queue.push(graph.flows.get(fid)!.targetId);
    for (const bid of n.boundaryIds) queue.push(bid);
  }
  for (const n of members) {
    if (!reached.has(n.id)) refuse(n, `${n.type === 'endEvent' ? 'the end event' : 'the element'} is unreachable: no path leads to it from a start event`);
  }
}
