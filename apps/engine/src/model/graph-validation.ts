import type { ErrorDetail } from '../shared/domain-error.js';
import type { FlowNode, ProcedureGraph } from './procedure-graph.js';

const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);
const ACTIVITIES = new Set(['userTask', 'manualTask', 'receiveTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'task', 'subProcess', 'callActivity']);

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
      if (n.event === 'error' && host && !['subProcess', 'callActivity', 'serviceTask', 'sendTask', 'businessRuleTask'].includes(host.type)) {
        refuse(n, 'only a sub-process, call activity or service task can throw a BPMN error to catch here');
      }
      if (n.event === 'escalation' && host && !['subProcess', 'callActivity'].includes(host.type)) {
        refuse(n, 'only a sub-process or call activity can throw an escalation to catch here');
      }
      if (n.event === 'compensate' && n.outgoing.length > 0) refuse(n, 'a compensation boundary event has no outgoing flow: its handler is linked by an association');
      if (n.event === 'compensate' && n.compensationHandlerId) {
        const handler = graph.nodes.get(n.compensationHandlerId);
        if (handler && handler.scopeId !== n.scopeId) refuse(n, `the compensation handler ${handler.id} must sit in the same scope as the activity it compensates`);
      }
    }
    if (n.type === 'eventSubProcess' && (n.incoming.length > 0 || n.outgoing.length > 0)) refuse(n, 'an event sub-process is started by its start event, never by a sequence flow: remove its flows');
    if (n.isForCompensation && (n.incoming.length > 0 || n.outgoing.length > 0)) refuse(n, 'a compensation handler (isForCompensation) runs only when compensation is thrown: remove its sequence flows');
    if (n.event === 'link' && n.type === 'intermediateCatchEvent' && n.incoming.length > 0) refuse(n, 'a link catch event is entered by its link throw, not by a sequence flow');
    if (n.event === 'link' && n.type === 'intermediateThrowEvent') {
      const catches = [...graph.nodes.values()].filter((c) => c.type === 'intermediateCatchEvent' && c.event === 'link' && c.linkName === n.linkName && c.scopeId === n.scopeId);
      if (catches.length === 0) refuse(n, `no link catch event named "${n.linkName}" in the same scope to jump to`);
      else if (catches.length > 1) refuse(n, `${catches.length} link catch events are named "${n.linkName}" in this scope: a link throw must find exactly one`);
      else n.linkTargetId = catches[0].id;
    }
    if (n.event === 'compensate' && n.compensateActivityId) {
      const target = graph.nodes.get(n.compensateActivityId);
      if (!target) refuse(n, `compensates ${n.compensateActivityId}, which is not an activity of this process`);
    }
    if (n.defaultFlowId && !n.outgoing.includes(n.defaultFlowId)) refuse(n, `default flow ${n.defaultFlowId} is not one of its outgoing flows`);
    if (n.defaultFlowId && graph.flows.get(n.defaultFlowId)?.condition) refuse(n, 'the default flow must not carry a condition');
    if (n.type === 'eventBasedGateway') {
      for (const fid of n.outgoing) {
        const target = graph.nodes.get(graph.flows.get(fid)!.targetId);
        if (!target) continue;
        const waits = (target.type === 'intermediateCatchEvent' && ['timer', 'message', 'signal', 'conditional'].includes(target.event)) || target.type === 'receiveTask';
        if (!waits) refuse(n, `an event-based gateway must lead to timer, message, signal or conditional catch events or receive tasks, not ${target.bpmnType} ${target.id}`);
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
    const owner = isProcess ? undefined : graph.nodes.get(scopeId)!;
    if (owner?.type === 'subProcess') {
      const none = starts.filter((s) => s.event === 'none');
      if (none.length !== 1 || starts.length !== 1) refuse(owner, 'an embedded sub-process needs exactly one none start event');
      else owner.startEventId = none[0].id;
    }
    if (owner?.type === 'eventSubProcess') {
      if (starts.length !== 1 || starts[0].event === 'none') refuse(owner, 'an event sub-process needs exactly one start event with a trigger (message, timer, signal, conditional, error or escalation)');
      else owner.startEventId = starts[0].id;
    }
    // With unsupported elements left out of the graph, everything behind them would look
    // unreachable: report the cause, not its echo.
    if (!options.skipReachability) reportUnreachable(graph, members, starts, refuse);
    if (!members.some((n) => n.type === 'endEvent') && members.length > 0) {
      const scopeOwner = owner ?? { id: graph.key, bpmnType: 'bpmn:Process' };
      details.push({ elementId: scopeOwner.id, elementType: scopeOwner.bpmnType, message: 'the scope has no end event' });
    }
  }
}

/** Every element must be reachable from a start event of its scope (boundary events via their host). */
function reportUnreachable(graph: ProcedureGraph, members: FlowNode[], starts: FlowNode[], refuse: (n: FlowNode, m: string) => void): void {
  const reached = new Set<string>();
  // Event sub-processes and compensation handlers are started by events, not reached by flows.
  const queue = [...starts, ...members.filter((n) => n.type === 'eventSubProcess' || n.isForCompensation)].map((s) => s.id);
  while (queue.length) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const n = graph.nodes.get(id)!;
    for (const fid of n.outgoing) queue.push(graph.flows.get(fid)!.targetId);
    for (const bid of n.boundaryIds) queue.push(bid);
    if (n.linkTargetId) queue.push(n.linkTargetId);
  }
  for (const n of members) {
    if (!reached.has(n.id)) refuse(n, `${n.type === 'endEvent' ? 'the end event' : 'the element'} is unreachable: no path leads to it from a start event`);
  }
}
