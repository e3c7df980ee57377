import { departmentDirectoryModule } from '../properties/index.js';
import { StepTableView } from './step-table-view.js';

/** bpmn-js module: the published-procedure table beside the diagram (`config.stepTable.parent`); it names departments through the directory. */
export const stepTableModule = {
  __depends__: [departmentDirectoryModule],
  __init__: ['stepTable'],
  stepTable: ['type', StepTableView],
};
