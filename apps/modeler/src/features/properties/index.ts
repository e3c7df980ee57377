import { DepartmentDirectory } from './department-directory.js';
import { OdPropertiesProvider } from './od-properties-provider.js';

/** bpmn-js module: the `od:` properties groups and the department directory they use. */
export const odPropertiesModule = {
  __init__: ['odPropertiesProvider', 'departmentDirectory'],
  odPropertiesProvider: ['type', OdPropertiesProvider],
  departmentDirectory: ['type', DepartmentDirectory],
};
