/** Why a step can't be removed; stable codes the API and the modeler can switch on. */
export enum RefusalReason {
  UnreadableXml = 'UNREADABLE_XML',
  UnknownElement = 'UNKNOWN_ELEMENT',
  StartOrEndEvent = 'START_OR_END_EVENT',
  NotAStep = 'NOT_A_STEP',
  NoIncomingFlow = 'NO_INCOMING_FLOW',
  NotOneOutgoingFlow = 'NOT_ONE_OUTGOING_FLOW',
  OnlyBranchOfGateway = 'ONLY_BRANCH_OF_GATEWAY',
  BoundaryEventAttached = 'BOUNDARY_EVENT_ATTACHED',
  OutputReadLater = 'OUTPUT_READ_LATER',
  SelfLoop = 'SELF_LOOP',
}

export interface RefusalDetail {
  elementId: string;
  /** The BPMN type as written (`bpmn:UserTask`), or `unknown` for an id the diagram lacks. */
  elementType: string;
  reason: RefusalReason;
  message: string;
}

/**
 * Thrown when removing a step would break the procedure's meaning. Carries every problem found
 * (not only the first), so a designer can fix the whole request in one round.
 */
export class SimplificationRefused extends Error {
  constructor(readonly details: RefusalDetail[]) {
    super(
      details.length === 1
        ? `Cannot remove ${details[0].elementId}: ${details[0].message}`
        : `Cannot remove ${details.length} elements: ${details.map((d) => `${d.elementId} (${d.message})`).join('; ')}`,
    );
    this.name = 'SimplificationRefused';
  }
}
