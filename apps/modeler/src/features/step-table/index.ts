import { StepTableView } from './step-table-view.js';

/** bpmn-js module: the published-procedure table beside the diagram (`config.stepTable.parent`). */
export const stepTableModule = {
  __init__: ['stepTable'],
  stepTable: ['type', StepTableView],
};
