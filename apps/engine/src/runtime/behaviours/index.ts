import type { NodeType } from '../../model/procedure-graph.js';
import type { Behaviour } from '../behaviour.js';
import { boundaryEventBehaviour } from './boundary-event.js';
import { callActivityBehaviour } from './call-activity.js';
import { endEventBehaviour } from './end-event.js';
import { eventBasedGatewayBehaviour } from './event-based-gateway.js';
import { exclusiveGatewayBehaviour } from './exclusive-gateway.js';
import { inclusiveGatewayBehaviour } from './inclusive-gateway.js';
import { intermediateCatchEventBehaviour } from './intermediate-catch-event.js';
import { parallelGatewayBehaviour } from './parallel-gateway.js';
import { receiveTaskBehaviour } from './receive-task.js';
import { serviceTaskBehaviour } from './service-task.js';
import { startEventBehaviour } from './start-event.js';
import { subProcessBehaviour } from './sub-process.js';
import { taskBehaviour } from './task.js';
import { humanTaskBehaviour } from './user-task.js';
import { eventSubProcessBehaviour } from './event-sub-process.js';
import { intermediateThrowEventBehaviour } from './intermediate-throw-event.js';
import { scriptTaskBehaviour } from './script-task.js';
import { sendTaskBehaviour } from './send-task.js';
import { businessRuleTaskBehaviour } from './business-rule-task.js';

const BEHAVIOURS: Record<NodeType, Behaviour> = {
  startEvent: startEventBehaviour,
  endEvent: endEventBehaviour,
  userTask: humanTaskBehaviour('user'),
  manualTask: humanTaskBehaviour('manual'),
  receiveTask: receiveTaskBehaviour,
  serviceTask: serviceTaskBehaviour,
  task: taskBehaviour,
  exclusiveGateway: exclusiveGatewayBehaviour,
  parallelGateway: parallelGatewayBehaviour,
  inclusiveGateway: inclusiveGatewayBehaviour,
  eventBasedGateway: eventBasedGatewayBehaviour,
  subProcess: subProcessBehaviour,
  callActivity: callActivityBehaviour,
  intermediateCatchEvent: intermediateCatchEventBehaviour,
  boundaryEvent: boundaryEventBehaviour,
  intermediateThrowEvent: intermediateThrowEventBehaviour,
  sendTask: sendTaskBehaviour,
  businessRuleTask: businessRuleTaskBehaviour,
  scriptTask: scriptTaskBehaviour,
  eventSubProcess: eventSubProcessBehaviour,
};

export function behaviourFor(type: NodeType): Behaviour {
  return BEHAVIOURS[type];
}
