import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { DepartmentDirectory } from './department-directory.js';
import { OdPropertiesProvider } from './od-properties-provider.js';

export type { Department, DepartmentDirectory } from './department-directory.js';
export { OD_ROLES } from './od-roles.js';

/** bpmn-js module: the organisation's departments (from the engine), for any feature that names them. */
export const departmentDirectoryModule = {
  __init__: ['departmentDirectory'],
  departmentDirectory: ['type', DepartmentDirectory],
};

/**
 * bpmn-js module: the `od:` properties groups, with the department directory they use. They are
 * registered with bpmn-js-properties-panel's `propertiesPanel` (its entries use its
 * `debounceInput`) and placed after its provider's "General" group.
 */
export const odPropertiesModule = {
  __depends__: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, departmentDirectoryModule],
  __init__: ['odPropertiesProvider'],
  odPropertiesProvider: ['type', OdPropertiesProvider],
};
