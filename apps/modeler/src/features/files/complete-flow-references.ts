import type EventBus from 'diagram-js/lib/core/EventBus';
import { linkFlowNodes } from '../../shared/procedure/link-flow-nodes.js';

/**
 * Completes `incoming`/`outgoing` of flow nodes as soon as a file is parsed, before bpmn-js
 * and the linter read them: files written by hand or by the engine's tools often omit them,
 * and bpmnlint would then see implicit starts and ends everywhere. Saving writes them out,
 * like any diagram drawn in bpmn-js.
 */
export class CompleteFlowReferences {
  static $inject = ['eventBus'];

  constructor(eventBus: EventBus) {
    eventBus.on('import.parse.complete', (event: any) => {
      if (event.definitions) linkFlowNodes(event.definitions);
    });
  }
}

export const completeFlowReferencesModule = {
  __init__: ['completeFlowReferences'],
  completeFlowReferences: ['type', CompleteFlowReferences],
};
